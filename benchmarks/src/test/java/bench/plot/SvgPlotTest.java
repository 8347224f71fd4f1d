package bench.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgPlotTest {
    @Test
    void barsDrawOneRectanglePerPresentValueAndSkipMissingOnes() {
        SvgPlot.Table t = SvgPlot.parse(List.of("category\teddy\tflink", "q0\t2500000\t2000000", "q1\t1200000\t", ""));
        String svg = SvgPlot.bars(t, "throughput", "events/s");
        assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
        assertThat(svg.split("<rect x=", -1)).hasSize(1 + 3 + 2); // 3 bars + 2 legend boxes
        assertThat(svg).contains("q0 eddy: 2.5M").contains("q1 eddy: 1.2M").doesNotContain("q1 flink");
    }

    @Test
    void linesBreakAtGapsAndSupportALogScale() {
        SvgPlot.Table t = SvgPlot.parse(List.of("x\teddy\tflink", "0\t1.5\t3", "1\t\t4", "5\t2\t100"));
        String svg = SvgPlot.lines(t, "p99", "buffer timeout (ms)", "ms", true);
        assertThat(svg).contains("<path d=\"M").contains("eddy at 5: 2").contains("flink at 5: 100");
        // eddy's line restarts after the missing middle point: two move-to commands in its path
        String eddyPath = svg.lines().filter(l -> l.startsWith("<path") && l.contains("#1f77b4")).findFirst().orElseThrow();
        assertThat(eddyPath.chars().filter(c -> c == 'M').count()).isEqualTo(2);
        // flink's line has no gap: one move-to, then a line-to each further point
        String flinkPath = svg.lines().filter(l -> l.startsWith("<path") && l.contains("#d62728")).findFirst().orElseThrow();
        assertThat(flinkPath).matches("<path d=\"M[0-9.,]+ L[0-9.,]+ L[0-9.,]+\".*");
    }

    @Test
    void niceCeilingsAndLabels() {
        assertThat(SvgPlot.niceCeiling(2_300_000)).isEqualTo(5_000_000);
        assertThat(SvgPlot.niceCeiling(0.8)).isEqualTo(1);
        assertThat(SvgPlot.label(830_000)).isEqualTo("830k");
        assertThat(SvgPlot.label(0.35)).isEqualTo("0.35");
        assertThatThrownBy(() -> SvgPlot.parse(List.of())).hasMessageContaining("first line");
    }
}
