package io.sslkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown table, built row by row; blank cells for what does not apply. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
    }

    void row(String... cells) {
        if (cells.length != rows.get(0).length) {
            throw new IllegalArgumentException("row of " + cells.length + " cells in a table of " + rows.get(0).length);
        }
        rows.add(cells);
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String ratio(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.0f %%", v * 100);
    }

    @Override
    public String toString() {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            sb.append('|');
            for (int i = 0; i < r.length; i++) {
                sb.append(' ').append(r[i]).append(" ".repeat(width[i] - r[i].length())).append(" |");
            }
            sb.append('\n');
            if (n == 0) {
                sb.append('|');
                for (int w : width) {
                    sb.append('-').append("-".repeat(w)).append("-|");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
