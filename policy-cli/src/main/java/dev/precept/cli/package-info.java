/**
 * The {@code precept} command for governance staff and CI pipelines.
 *
 * <p>Entry point: {@link dev.precept.cli.Precept}. Each subcommand lives in
 * {@code dev.precept.cli.internal}; exit codes are 0 for success, 1 when the input is not valid
 * (or a check fails), 2 for a usage error.
 */
package dev.precept.cli;
