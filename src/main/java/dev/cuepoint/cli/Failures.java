package dev.cuepoint.cli;

import dev.cuepoint.search.InvalidQueryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns what a command throws into one line for the user and an exit status: a user's mistake is
 * status 2, anything else 1. Users get the reason; the stack trace goes to the log at WARN for what
 * can only be a bug (an unexpected RuntimeException), else to the debug log.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    return handle(ex, cl.getCommandName(), cl.getErr());
  }

  /** The same for a command run without picocli (see {@link Main#run}). */
  static int handle(Exception ex, String command, java.io.PrintWriter err) {
    if (ex instanceof RuntimeException && !(ex instanceof UsageException) && !(ex instanceof InvalidQueryException)
        && !(ex instanceof UncheckedIOException) && !(ex instanceof CommandLine.PicocliException)) {
      LOG.warn("cuepoint {} failed unexpectedly", command, ex); // a bug: the stack trace says where
    } else {
      LOG.debug("command failed", ex);
    }
    err.println("cuepoint " + command + ": " + reason(ex));
    return ex instanceof InvalidQueryException || ex instanceof UsageException ? 2 : 1;
  }

  static String reason(Throwable ex) {
    Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
    String msg = t.getMessage();
    if (msg == null || msg.isBlank()) {
      msg = t.getClass().getSimpleName();
    }
    if (t instanceof java.nio.file.NoSuchFileException) {
      return "no such file: " + msg;
    }
    if (t instanceof java.nio.file.AccessDeniedException) {
      return "permission denied: " + msg;
    }
    if (t instanceof IOException && !(t.getCause() == null) && t.getMessage().equals(t.getCause().toString())) {
      return reason(t.getCause());
    }
    return msg;
  }

  /** A command line that makes no sense (exit status 2), with what to do instead. */
  static class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
