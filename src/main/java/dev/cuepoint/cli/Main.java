package dev.cuepoint.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cuepoint} command. Every subcommand takes {@code --data DIR} (default {@code ./index}) and
 * exits non-zero with a one-line reason on error: 1 for a failure, 2 for a usage error.
 */
@Command(
    name = "cuepoint",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Search what is said in YouTube lectures and jump to the moment.")
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The subcommands, in the order the usage lists them (a new one goes here and in {@link #command}). */
  static final java.util.List<String> COMMANDS =
      java.util.List.of(
          "captions", "transcribe", "import", "crawl", "auth", "index", "search", "serve", "doctor", "help");

  /** A new instance of the subcommand named {@code name}. */
  private static Object command(String name) {
    return switch (name) {
      case "captions" -> new CaptionsCommand();
      case "transcribe" -> new TranscribeCommand();
      case "import" -> new ImportCommand();
      case "crawl" -> new CrawlCommand();
      case "auth" -> new AuthCommand();
      case "index" -> new IndexCommand();
      case "search" -> new SearchCommand();
      case "serve" -> new ServeCommand();
      case "doctor" -> new DoctorCommand();
      case "help" -> new CommandLine.HelpCommand();
      default -> throw new IllegalArgumentException("no subcommand " + name);
    };
  }

  public static void main(String[] args) {
    quietLucene();
    stopSafelyOnSignals();
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line with the given streams; returns the exit status (for tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    SearchCommand search = SearchCommand.quick(args, out, err); // the common case, without picocli
    if (search != null) {
      return search.runQuick();
    }
    CommandLine cl = new CommandLine(new Main());
    // picocli reads a command's options by reflection when it is added (its classes, built for Java 5,
    // also stay out of the JVM's start-up cache): a command line that names its subcommand gets only
    // that one; usage, help and mistakes (which suggest the nearest name) get them all
    for (String name : subcommandsFor(args)) {
      cl.addSubcommand(name, command(name));
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new Failures());
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("cuepoint: " + ex.getMessage());
          err.println("Try 'cuepoint " + subcommandName(ex.getCommandLine()) + "--help'.");
          return 2;
        });
    return cl.execute(args);
  }

  /**
   * On SIGTERM, Ctrl-C or a closed terminal, lets native model work (loading, embedding) end before the
   * JVM starts to exit: ONNX Runtime frees its native environment in a shutdown hook of its own, which
   * runs alongside ours, and a model still running then crashes the JVM. Then exits as the JVM would
   * have (128 + the signal's number: 143 for SIGTERM, 130 for Ctrl-C), running the shutdown hooks
   * ({@code serve} stops in order there).
   */
  @SuppressWarnings("removal")
  private static void stopSafelyOnSignals() {
    for (String name : java.util.List.of("TERM", "INT", "HUP")) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
          try {
            if (!dev.cuepoint.index.OnnxEmbedder.stopNativeWork(30_000)) {
              System.err.println("cuepoint: the embedding model still runs after 30 s; stopping anyway");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          System.exit(128 + signal.getNumber());
        });
      } catch (IllegalArgumentException e) {
        // no such signal here, or the JVM was started with -Xrs: the JVM's own handling stays
      }
    }
  }

  /**
   * Lucene reports through java.util.logging that the incubating vector module is not enabled: true,
   * harmless (it falls back to scalar code), and not something a user of the CLI can act on.
   */
  private static void quietLucene() {
    LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  // held strongly: java.util.logging forgets the level of a logger nobody references
  private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  /** The subcommands a command line needs: the one it names, none for --version, else all. */
  static java.util.List<String> subcommandsFor(String[] args) {
    if (args.length > 0 && COMMANDS.contains(args[0]) && !args[0].equals("help")) {
      return java.util.List.of(args[0]);
    }
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return java.util.List.of();
    }
    return COMMANDS;
  }

  private static String subcommandName(CommandLine cl) {
    return cl.getParent() == null ? "" : cl.getCommandName() + " ";
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"cuepoint " + (v == null ? "development" : v)};
    }
  }
}
