package org.isnad.answer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.isnad.index.Analyzers;
import org.isnad.text.Language;

/**
 * English–Arabic news vocabulary (config/glossary.tsv: English TAB Arabic forms separated by | TAB
 * category) plus every country name the JDK's CLDR data knows in both languages. Entries are kept as
 * analyzed index terms, so lookups and matching compare what the index compares. Loaded once in the
 * composition root; immutable and thread-safe afterwards.
 */
public final class Glossary {

    /** One entry: an English term, its Arabic forms, and its kind ("person", "org", "country", "word"...). */
    public record Entry(String english, List<String> arabic, String category,
                        List<String> englishTerms, List<List<String>> arabicTerms) {

        /** People, organizations and places: what counts as a name. */
        public boolean isName() {
            return switch (category) {
                case "person", "org", "country", "city", "place", "group" -> true;
                default -> false;
            };
        }

        public boolean isPlace() {
            return switch (category) {
                case "country", "city", "place" -> true;
                default -> false;
            };
        }

        public boolean isActor() {
            return switch (category) {
                case "person", "org", "group" -> true;
                default -> false;
            };
        }
    }

    private final List<Entry> entries;
    private final Map<String, List<Entry>> byEnglish = new HashMap<>();
    private final Map<String, List<Entry>> byArabic = new HashMap<>();
    private int longestEnglish = 1;
    private int longestArabic = 1;

    private Glossary(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : entries) {
            if (!e.englishTerms().isEmpty()) {
                byEnglish.computeIfAbsent(String.join(" ", e.englishTerms()), k -> new ArrayList<>()).add(e);
                longestEnglish = Math.max(longestEnglish, e.englishTerms().size());
            }
            for (List<String> alt : e.arabicTerms()) {
                byArabic.computeIfAbsent(String.join(" ", alt), k -> new ArrayList<>()).add(e);
                longestArabic = Math.max(longestArabic, alt.size());
            }
        }
    }

    /** Reads the glossary file ({@code config/<name>} on the class path, or a file path) and adds the countries. */
    public static Glossary load(String nameOrPath, Analyzers analyzers) {
        List<String[]> rows = new ArrayList<>();
        if (nameOrPath != null && !nameOrPath.isBlank()) {
            Path file = Path.of(nameOrPath);
            try (Reader in = Files.isRegularFile(file)
                    ? Files.newBufferedReader(file, StandardCharsets.UTF_8)
                    : resource("config/" + nameOrPath)) {
                if (in != null) {
                    rows.addAll(parse(in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the glossary " + nameOrPath, e);
            }
        }
        rows.addAll(countries());
        return build(rows, analyzers);
    }

    /** A glossary from rows {english, "ar1|ar2", category} (tests). */
    public static Glossary of(List<String[]> rows, Analyzers analyzers) {
        return build(rows, analyzers);
    }

    private static Glossary build(List<String[]> rows, Analyzers analyzers) {
        List<Entry> entries = new ArrayList<>();
        for (String[] r : rows) {
            List<String> arabic = new ArrayList<>();
            List<List<String>> arabicTerms = new ArrayList<>();
            for (String form : r[1].split("\\|")) {
                String f = form.strip();
                List<String> terms = analyzers.bodyTerms(Language.AR,f);
                if (!f.isEmpty() && !terms.isEmpty()) {
                    arabic.add(f);
                    if (!arabicTerms.contains(terms)) {
                        arabicTerms.add(terms);
                    }
                }
            }
            List<String> englishTerms = analyzers.bodyTerms(Language.EN,r[0]);
            if (!arabic.isEmpty() && !englishTerms.isEmpty()) {
                entries.add(new Entry(r[0].strip(), List.copyOf(arabic), r.length > 2 ? r[2].strip() : "word",
                        List.copyOf(englishTerms), List.copyOf(arabicTerms)));
            }
        }
        return new Glossary(entries);
    }

    private static Reader resource(String name) {
        InputStream in = Glossary.class.getClassLoader().getResourceAsStream(name);
        return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static List<String[]> parse(Reader reader) throws IOException {
        List<String[]> rows = new ArrayList<>();
        BufferedReader in = new BufferedReader(reader);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length >= 2) {
                rows.add(cols);
            }
        }
        return rows;
    }

    /** Country names in English and Arabic from the JDK's CLDR data. */
    private static List<String[]> countries() {
        Locale arabic = Locale.forLanguageTag("ar");
        List<String[]> rows = new ArrayList<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale.Builder().setRegion(code).build();
            String en = country.getDisplayCountry(Locale.ENGLISH);
            String ar = country.getDisplayCountry(arabic);
            if (!en.isBlank() && !ar.isBlank() && !ar.equals(en) && !ar.equals(code)) {
                rows.add(new String[] {en, ar, "country"});
            }
        }
        return rows;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Entries whose English term analyzes to exactly these terms ("unit state"). */
    public List<Entry> byEnglishTerms(List<String> terms) {
        return byEnglish.getOrDefault(String.join(" ", terms), List.of());
    }

    /** Entries with an Arabic form that analyzes to exactly these terms. */
    public List<Entry> byArabicTerms(List<String> terms) {
        return byArabic.getOrDefault(String.join(" ", terms), List.of());
    }

    public int longestEnglish() {
        return longestEnglish;
    }

    public int longestArabic() {
        return longestArabic;
    }

    /**
     * The entries named in a text given as its analyzed terms in order: Arabic forms for Arabic text,
     * English terms for English text. Used to tell whether a sentence names people, groups or places.
     */
    public List<Entry> mentionedIn(List<String> terms, boolean arabicText) {
        List<Entry> out = new ArrayList<>();
        Map<String, List<Entry>> index = arabicText ? byArabic : byEnglish;
        int longest = arabicText ? longestArabic : longestEnglish;
        for (int i = 0; i < terms.size(); i++) {
            for (int len = Math.min(longest, terms.size() - i); len >= 1; len--) {
                List<Entry> found = index.get(String.join(" ", terms.subList(i, i + len)));
                if (found != null) {
                    for (Entry e : found) {
                        if (!out.contains(e)) {
                            out.add(e);
                        }
                    }
                    break;
                }
            }
        }
        return out;
    }

    /** The set of analyzed terms of every Arabic form of these entries (for quick overlap tests). */
    static Set<String> arabicTermsOf(List<Entry> entries) {
        Set<String> out = new java.util.HashSet<>();
        entries.forEach(e -> e.arabicTerms().forEach(out::addAll));
        return out;
    }
}
