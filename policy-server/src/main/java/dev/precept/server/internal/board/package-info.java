/**
 * The Board's part of the Precept server: approval rounds, the reading room, passkey enrolment and
 * decisions.
 *
 * <p>Entry point: {@link dev.precept.server.internal.board.BoardRoom}, which adds the routes to a
 * Javalin configuration. Rounds, keyrings and approvals are the files beside each policy in the
 * library folder ({@code <policy>.round.yaml}, {@code .keyring.yaml}, {@code .approvals.yaml}), so
 * {@code precept verify} proves offline what the Board approved here.
 */
package dev.precept.server.internal.board;
