/**
 * The Precept server: rulings over HTTP under the edition in force, a tamper-evident decision
 * log, API keys, a roster with acknowledgements, and pages for staff.
 *
 * <p>Entry points: {@link dev.precept.server.PreceptServer#builder()} starts a server;
 * {@link dev.precept.server.ServerAdmin} does what the command line does without one (API keys,
 * checking the log, importing the roster, acknowledgement links).
 *
 * <pre>{@code
 * try (PreceptServer server = PreceptServer.builder().library(Path.of("policies")).port(8080).start()) {
 *   server.awaitStop();
 * }
 * }</pre>
 */
@ServerStyle
package dev.precept.server;
