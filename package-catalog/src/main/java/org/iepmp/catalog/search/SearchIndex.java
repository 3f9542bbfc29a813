package org.iepmp.catalog.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.SearchFilter;
import org.iepmp.catalog.version.Versions;

/**
 * Ranked, case-insensitive search over the catalog. Lower-case texts are computed once when the
 * index is built, so a query is a plain scan with {@code startsWith}/{@code contains}; substring
 * matching also serves Chinese text, which has no spaces between words.
 */
public final class SearchIndex {

    static final int EXACT = 1000;
    static final int PREFIX = 800;
    static final int WORD = 600;
    static final int NAME_CONTAINS = 400;
    static final int KEYWORD = 300;
    static final int DESCRIPTION = 200;

    private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final List<Row> rows;

    /** @param packages in catalog order (repository priority breaks ties) */
    public SearchIndex(List<CatalogPackage> packages) {
        List<Row> built = new ArrayList<>(packages.size());
        for (int i = 0; i < packages.size(); i++) {
            CatalogPackage p = packages.get(i);
            String name = lower(p.name());
            List<String> keywords = p.keywords().stream().map(SearchIndex::lower).toList();
            built.add(new Row(p, i, name, WORD_SPLIT.split(name), keywords, lower(p.description())));
        }
        this.rows = List.copyOf(built);
    }

    private record Row(CatalogPackage pkg, int order, String name, String[] nameWords, List<String> keywords,
            String description) {
    }

    private record Hit(Row row, int score) {
    }

    public List<CatalogPackage> search(String query, SearchFilter filter) {
        String[] terms = lower(query == null ? "" : query).trim().split("\\s+");
        boolean all = terms.length == 1 && terms[0].isEmpty();
        List<Hit> hits = new ArrayList<>();
        for (Row row : rows) {
            if (!accepts(row.pkg(), filter)) {
                continue;
            }
            int score = 0;
            if (!all) {
                String whole = String.join(" ", terms);
                if (terms.length > 1 && row.name().equals(whole)) {
                    score = EXACT;
                } else {
                    for (String term : terms) {
                        int termScore = score(row, term);
                        if (termScore == 0) {
                            score = 0;
                            break;
                        }
                        score += termScore;
                    }
                }
                if (score == 0) {
                    continue;
                }
            }
            hits.add(new Hit(row, score));
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed()
                .thenComparing(h -> h.row().name())
                .thenComparingInt(h -> h.row().order()));
        return hits.stream().map(h -> h.row().pkg()).toList();
    }

    private static int score(Row row, String term) {
        if (row.name().equals(term)) {
            return EXACT;
        }
        if (row.name().startsWith(term)) {
            return PREFIX;
        }
        for (String word : row.nameWords()) {
            if (word.startsWith(term)) {
                return WORD;
            }
        }
        if (row.name().contains(term)) {
            return NAME_CONTAINS;
        }
        for (String keyword : row.keywords()) {
            if (keyword.contains(term)) {
                return KEYWORD;
            }
        }
        return row.description().contains(term) ? DESCRIPTION : 0;
    }

    private static boolean accepts(CatalogPackage p, SearchFilter filter) {
        if (!filter.origins().isEmpty() && !filter.origins().contains(p.origin())) {
            return false;
        }
        if (!filter.repositories().isEmpty() && !filter.repositories().contains(p.repository())) {
            return false;
        }
        String installed = filter.installedVersions().get(p.name());
        return switch (filter.state()) {
            case ANY -> true;
            case INSTALLED -> installed != null;
            case NOT_INSTALLED -> installed == null;
            case UPDATE_AVAILABLE -> installed != null && newer(p.latestVersion(), installed);
        };
    }

    private static boolean newer(String latest, String installed) {
        if (latest == null || !Versions.isValid(latest) || !Versions.isValid(installed)) {
            return false;
        }
        return Versions.compare(latest, installed) > 0;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** For tests: the scores of a package for a query, in tiers. */
    static Map<String, Integer> tiers() {
        return Map.of("exact", EXACT, "prefix", PREFIX, "word", WORD, "keyword", KEYWORD, "description", DESCRIPTION);
    }
}
