package org.isnad.ingest;

/**
 * A document as a reader found it, before the ingester fills in what is missing (id, language,
 * hash). {@code date} is the raw date string or null; {@code text} is already white-space tidied.
 * {@code origin} names the file, with ":LINE" for one line of a JSONL file.
 */
public record RawDocument(String id, String title, String date, String outlet, String url, String lang, String text, String origin) {}
