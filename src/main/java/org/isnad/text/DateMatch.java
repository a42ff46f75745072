package org.isnad.text;

import java.time.LocalDate;

/** A date found in text: {@code text.substring(start, end)} is the expression, {@code date} its value. */
public record DateMatch(LocalDate date, int start, int end) {}
