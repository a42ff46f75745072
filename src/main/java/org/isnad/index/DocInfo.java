package org.isnad.index;

import java.time.LocalDate;
import org.isnad.text.Language;

/** A document's metadata without its text: what a search hit needs to cite its source. */
public record DocInfo(String id, String title, LocalDate date, String outlet, String url, Language language) {}
