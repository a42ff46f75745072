package org.isnad.eval;

import java.nio.file.Files;
import java.nio.file.Path;

/** Evaluation data in ../shared/eval beside the repository (or beside its parent, for worktrees under wt/). */
final class SharedEval {

    private SharedEval() {}

    static Path path(String relative) {
        Path beside = Path.of("../shared/eval").resolve(relative);
        Path above = Path.of("../../shared/eval").resolve(relative);
        return Files.exists(beside) || !Files.exists(above) ? beside : above;
    }
}
