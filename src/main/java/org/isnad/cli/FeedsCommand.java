package org.isnad.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.isnad.Isnad;
import org.isnad.feeds.FeedList;
import org.isnad.feeds.FeedPoller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code isnad feeds add|list|remove|poll}: the news feeds the archive follows. */
@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = "The news feeds (RSS, Atom) the archive follows.",
        subcommands = {FeedsCommand.Add.class, FeedsCommand.ListFeeds.class, FeedsCommand.Remove.class, FeedsCommand.Poll.class})
final class FeedsCommand implements Runnable {

    @ParentCommand
    IsnadCli root;

    @Override
    public void run() {
        System.err.println("isnad feeds: say add, list, remove or poll (isnad feeds --help)");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Follows a feed.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        FeedsCommand parent;

        @Parameters(paramLabel = "URL")
        String url;

        @Option(names = "--outlet", description = "The outlet's name (default: the feed's title).")
        String outlet;

        @Option(names = "--lang", description = "ar or en (default: the feed's, else detected per entry).")
        String lang;

        @Override
        public Integer call() {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                System.err.println("isnad feeds add: " + url + " is not an http(s) address");
                return 2;
            }
            if (lang != null && !lang.equals("ar") && !lang.equals("en")) {
                System.err.println("isnad feeds add: --lang is ar or en");
                return 2;
            }
            try (Isnad isnad = parent.root.openIsnad()) {
                boolean added = isnad.feeds().list().add(url.strip(), outlet, lang);
                System.out.println((added ? "following " : "updated ") + url);
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the feeds followed.")
    static final class ListFeeds implements Callable<Integer> {
        @ParentCommand
        FeedsCommand parent;

        @Override
        public Integer call() {
            try (Isnad isnad = parent.root.openIsnad()) {
                List<FeedList.Feed> all = isnad.feeds().list().all();
                if (all.isEmpty()) {
                    System.out.println("no feeds (isnad feeds add URL)");
                }
                for (FeedList.Feed f : all) {
                    String state = f.failures() > 0 ? "failing x" + f.failures() + ": " + f.lastError()
                            : f.lastPolledAt() == 0 ? "not polled yet" : "ok, polled " + java.time.Instant.ofEpochMilli(f.lastPolledAt());
                    System.out.println(f.url() + "\t" + (f.outlet() == null ? "-" : f.outlet()) + "\t" + (f.lang() == null ? "-" : f.lang())
                            + "\t" + state);
                }
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stops following a feed (its documents stay).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        FeedsCommand parent;

        @Parameters(paramLabel = "URL")
        String url;

        @Override
        public Integer call() {
            try (Isnad isnad = parent.root.openIsnad()) {
                if (!isnad.feeds().list().remove(url.strip())) {
                    System.err.println("isnad feeds remove: not following " + url);
                    return 1;
                }
                System.out.println("no longer following " + url);
                return 0;
            }
        }
    }

    @Command(name = "poll", mixinStandardHelpOptions = true, description = "Polls every feed once (failing ones included).")
    static final class Poll implements Callable<Integer> {
        @ParentCommand
        FeedsCommand parent;

        @Override
        public Integer call() {
            try (Isnad isnad = parent.root.openIsnad()) {
                int failed = 0;
                for (FeedPoller.FeedResult r : isnad.feeds().pollAll(true)) {
                    switch (r.status()) {
                        case "ok" -> System.out.println(r.url() + ": " + r.entries() + " entries; " + r.report().summary());
                        case "not-modified" -> System.out.println(r.url() + ": not modified");
                        default -> {
                            failed++;
                            System.out.println(r.url() + ": " + r.status() + " (" + r.error() + ")");
                        }
                    }
                    r.skipped().forEach(s -> System.err.println(s));
                }
                isnad.index().commit();
                return failed > 0 ? 1 : 0;
            }
        }
    }
}
