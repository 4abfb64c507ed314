/**
 * The {@code cuepoint} command line: the one place where the pipeline's parts are wired together by
 * hand. Depends on everything; nothing depends on it.
 */
package dev.cuepoint.cli;
