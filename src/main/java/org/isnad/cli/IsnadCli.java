package org.isnad.cli;

import java.util.Map;
import org.isnad.Isnad;
import org.isnad.config.ConfigLoader;
import org.isnad.config.IsnadConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code isnad} command line: a thin door onto the core built by {@link Isnad}. */
@Command(
        name = "isnad",
        mixinStandardHelpOptions = true,
        version = "isnad 0.1.0",
        description = "Answers questions about a news archive with verbatim, cited quotations.",
        subcommands = {
            CommandLine.HelpCommand.class,
            AskCommand.class,
            IngestCommand.class,
            FeedsCommand.class,
            WatchCommand.class,
            SearchCommand.class,
            MigrateCommand.class,
            DocCommand.class,
            StatsCommand.class,
            BriefCommand.class,
            EvalCommand.class,
            BenchCommand.class,
            ServeCommand.class,
            WebhookCommand.class,
            LogCommand.class,
            ReviewCommand.class,
        })
public final class IsnadCli implements Runnable {

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data folder (index, answer log). Default: data/ under the working directory, or ISNAD_DATA_DIR.")
    String dataDir;

    private final Map<String, String> env;

    public IsnadCli(Map<String, String> env) {
        this.env = env;
    }

    /** The configuration with the {@code --data} option applied. */
    public IsnadConfig config() {
        IsnadConfig config = new ConfigLoader(env).load();
        return dataDir == null ? config : config.withDataDir(dataDir);
    }

    /** Opens the core for one command; the caller closes it. */
    public Isnad openIsnad() {
        return Isnad.open(config());
    }

    public Map<String, String> env() {
        return env;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), args));
    }

    /** Runs one command line; returns the exit code (0 ok, 1 failure, 2 usage error). */
    public static int run(Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new IsnadCli(env));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("isnad: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cli.execute(args);
    }
}
