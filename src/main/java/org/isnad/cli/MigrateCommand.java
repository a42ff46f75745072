package org.isnad.cli;

import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.isnad.archive.Document;
import org.isnad.config.IsnadConfig;
import org.isnad.index.ArchiveStore;
import org.isnad.index.IsnadIndex;
import org.isnad.index.OpenSearchStore;
import org.isnad.ingest.Ingester;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * Copies the embedded index's documents to the OpenSearch cluster of the configuration, from the
 * stored text (not the original files): the same ids and content hashes, so running it again copies
 * only what changed, and questions then get the same answers from the cluster.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Copies every document of the embedded index (<data>/index) to the OpenSearch cluster at opensearch.hosts",
                "(ISNAD_OPENSEARCH_HOSTS). Documents already there with the same content are skipped; run it again to resume.",
                "Then set store.backend: opensearch (ISNAD_STORE_BACKEND=opensearch)."})
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    IsnadCli root;

    @Override
    public Integer call() {
        IsnadConfig config = root.config();
        java.nio.file.Path dir = config.dataPath().resolve("index");
        if (!Files.isDirectory(dir)) {
            System.err.println("isnad migrate: no embedded index in " + dir + " (give --data DIR)");
            return 2;
        }
        try (IsnadIndex from = IsnadIndex.open(dir);
             OpenSearchStore to = OpenSearchStore.open(OpenSearchStore.Options.from(config.opensearch()))) {
            Map<String, ArchiveStore.StoredState> there = to.storedStates();
            Ingester ingester = new Ingester(to, config.ingest().maxDocumentBytes(), config.ingest().outletNames());
            int copied = 0;
            int unchanged = 0;
            int failed = 0;
            for (Map.Entry<String, ArchiveStore.StoredState> e : from.storedStates().entrySet()) {
                ArchiveStore.StoredState theirs = there.get(e.getKey());
                if (theirs != null && theirs.hash() != null && theirs.hash().equals(e.getValue().hash())) {
                    unchanged++;
                    continue;
                }
                Optional<Document> doc = from.document(e.getKey());
                try {
                    if (doc.isPresent()) {
                        ingester.write(doc.get());
                        copied++;
                    }
                } catch (RuntimeException ex) {
                    failed++;
                    System.err.println("skipped " + e.getKey() + ": " + ex.getMessage());
                }
            }
            to.commit();
            System.out.printf("%d documents copied to %s, %d already there, %d skipped%n", copied, to.indexName(), unchanged, failed);
            return failed == 0 ? 0 : 1;
        }
    }
}
