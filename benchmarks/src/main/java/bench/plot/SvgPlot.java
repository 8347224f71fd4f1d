package bench.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes the SVG charts of BENCHMARKS.md from tab-separated tables, with no plotting library.
 *
 * <pre>
 * SvgPlot bars  in.tsv out.svg "title" "y label"                  # grouped bars, one group per row
 * SvgPlot lines in.tsv out.svg "title" "x label" "y label" [--log-y] # one line per column, numeric x
 * </pre>
 *
 * <p>The first row of {@code in.tsv} names the columns: {@code category|x, series1, series2, ...};
 * every further row holds a category (bars) or a number (lines) and one number per series. An empty
 * or non-numeric cell is a missing value (no bar, a gap in the line). Single-threaded; a pure
 * function of its input.
 */
public final class SvgPlot {
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private static final int WIDTH = 820;
    private static final int HEIGHT = 420;
    private static final int LEFT = 80;
    private static final int RIGHT = 150;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    /** A parsed table: column names after the first, row labels, and values (NaN when missing). */
    record Table(List<String> series, List<String> labels, List<double[]> rows) {}

    private SvgPlot() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 5 || !(args[0].equals("bars") || args[0].equals("lines") && args.length >= 6)) {
            System.err.println("usage: SvgPlot bars <in.tsv> <out.svg> <title> <y label>\n"
                    + "       SvgPlot lines <in.tsv> <out.svg> <title> <x label> <y label> [--log-y]");
            System.exit(2);
        }
        Table table = parse(Files.readAllLines(Path.of(args[1])));
        String svg = args[0].equals("bars")
                ? bars(table, args[3], args[4])
                : lines(table, args[3], args[4], args[5], args.length > 6 && args[6].equals("--log-y"));
        Files.writeString(Path.of(args[2]), svg);
    }

    static Table parse(List<String> lines) {
        List<String> content = lines.stream().filter(l -> !l.isBlank()).toList();
        if (content.isEmpty()) {
            throw new IllegalArgumentException("Empty table: the first line must name the columns");
        }
        String[] header = content.get(0).split("\t", -1);
        List<String> series = List.of(header).subList(1, header.length);
        List<String> labels = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (String line : content.subList(1, content.size())) {
            String[] cells = line.split("\t", -1);
            labels.add(cells[0]);
            double[] values = new double[series.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = i + 1 < cells.length ? number(cells[i + 1]) : Double.NaN;
            }
            rows.add(values);
        }
        return new Table(series, labels, rows);
    }

    private static double number(String cell) {
        try {
            return Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String bars(Table t, String title, String yLabel) {
        double max = 0;
        for (double[] row : t.rows()) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        double top = niceCeiling(max);
        StringBuilder svg = begin(title);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        yAxis(svg, 0, top, false, yLabel);
        int groups = Math.max(1, t.rows().size());
        double groupW = (double) plotW / groups;
        double barW = groupW * 0.8 / Math.max(1, t.series().size());
        for (int g = 0; g < t.rows().size(); g++) {
            double x0 = LEFT + g * groupW + groupW * 0.1;
            double[] row = t.rows().get(g);
            for (int s = 0; s < row.length; s++) {
                if (Double.isNaN(row[s])) {
                    continue;
                }
                double h = row[s] / top * plotH;
                svg.append(f("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>%n",
                        x0 + s * barW, TOP + plotH - h, barW * 0.95, h, color(s), esc(t.labels().get(g)), esc(t.series().get(s)),
                        label(row[s])));
            }
            svg.append(f("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", LEFT + (g + 0.5) * groupW,
                    TOP + plotH + 18, esc(t.labels().get(g))));
        }
        legend(svg, t.series());
        return svg.append("</svg>\n").toString();
    }

    static String lines(Table t, String title, String xLabel, String yLabel, boolean logY) {
        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        double yMin = Double.MAX_VALUE;
        double yMax = 0;
        for (int r = 0; r < t.rows().size(); r++) {
            double x = number(t.labels().get(r));
            xMin = Math.min(xMin, x);
            xMax = Math.max(xMax, x);
            for (double v : t.rows().get(r)) {
                if (!Double.isNaN(v) && (!logY || v > 0)) {
                    yMin = Math.min(yMin, v);
                    yMax = Math.max(yMax, v);
                }
            }
        }
        if (xMax <= xMin) {
            xMax = xMin + 1;
        }
        double bottom = logY ? Math.pow(10, Math.floor(Math.log10(yMin))) : 0;
        double top = logY ? Math.pow(10, Math.ceil(Math.log10(yMax))) : niceCeiling(yMax);
        if (top <= bottom) {
            top = bottom * 10;
        }
        StringBuilder svg = begin(title);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        yAxis(svg, bottom, top, logY, yLabel);
        // The x axis is ordinal (equal spacing): buffer timeouts 0, 1, 5, 20, 100 read better so.
        int n = t.rows().size();
        for (int r = 0; r < n; r++) {
            double x = LEFT + (n == 1 ? plotW / 2.0 : r * (double) plotW / (n - 1));
            svg.append(f("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, TOP + plotH + 18, esc(t.labels().get(r))));
        }
        svg.append(f("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", LEFT + plotW / 2, HEIGHT - 15, esc(xLabel)));
        for (int s = 0; s < t.series().size(); s++) {
            StringBuilder path = new StringBuilder();
            boolean penUp = true; // the next point starts a new stretch of line (first point, or after a gap)
            for (int r = 0; r < n; r++) {
                double v = t.rows().get(r)[s];
                if (Double.isNaN(v) || logY && v <= 0) {
                    penUp = true;
                    continue;
                }
                double x = LEFT + (n == 1 ? plotW / 2.0 : r * (double) plotW / (n - 1));
                double frac = logY ? (Math.log10(v) - Math.log10(bottom)) / (Math.log10(top) - Math.log10(bottom))
                        : (v - bottom) / (top - bottom);
                double y = TOP + plotH - frac * plotH;
                path.append(f("%s%.1f,%.1f ", penUp ? "M" : "L", x, y));
                penUp = false;
                svg.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s at %s: %s</title></circle>%n", x, y,
                        color(s), esc(t.series().get(s)), esc(t.labels().get(r)), label(v)));
            }
            svg.append(f("<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", path.toString().trim(), color(s)));
        }
        legend(svg, t.series());
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder begin(String title) {
        StringBuilder svg = new StringBuilder();
        svg.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, HEIGHT));
        svg.append(f("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(f("<text x=\"%d\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">%s</text>%n", (WIDTH - RIGHT + LEFT) / 2, esc(title)));
        return svg;
    }

    private static void yAxis(StringBuilder svg, double bottom, double top, boolean log, String yLabel) {
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double v = bottom; v <= top * 1.0001; v *= 10) {
                ticks.add(v);
            }
        } else {
            for (int i = 0; i <= 5; i++) {
                ticks.add(bottom + (top - bottom) * i / 5);
            }
        }
        for (double v : ticks) {
            double frac = log ? (Math.log10(v) - Math.log10(bottom)) / (Math.log10(top) - Math.log10(bottom)) : (v - bottom) / (top - bottom);
            double y = TOP + plotH - frac * plotH;
            svg.append(f("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, y, LEFT + plotW, y));
            svg.append(f("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, y + 4, label(v)));
        }
        svg.append(f("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, TOP, LEFT, TOP + plotH));
        svg.append(f("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, TOP + plotH, LEFT + plotW, TOP + plotH));
        svg.append(f("<text transform=\"translate(18,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n", TOP + plotH / 2, esc(yLabel)));
    }

    private static void legend(StringBuilder svg, List<String> series) {
        int x = WIDTH - RIGHT + 15;
        for (int s = 0; s < series.size(); s++) {
            int y = TOP + 10 + s * 20;
            svg.append(f("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", x, y - 10, color(s)));
            svg.append(f("<text x=\"%d\" y=\"%d\">%s</text>%n", x + 18, y, esc(series.get(s))));
        }
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above {@code v}. */
    static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** A short human label: 2.5M, 830k, 12, 0.35. */
    static String label(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return trim(v / 1e6) + "M";
        }
        if (a >= 1e3) {
            return trim(v / 1e3) + "k";
        }
        return trim(v);
    }

    private static String trim(double v) {
        String s = f("%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String color(int series) {
        return COLORS[series % COLORS.length];
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
