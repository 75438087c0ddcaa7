package cn.lyg.xilian.ledger;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CsvLedgerWriterTest {

    private final byte[] csv = new CsvLedgerWriter().write(LedgerSamples.sample());
    private final String text = new String(csv, StandardCharsets.UTF_8);

    @Test
    void startsWithAUtf8ByteOrderMarkAndKeepsChinese() {
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(text.substring(1)).startsWith(
                "任务编号,任务名称,所属板块,领域,责任单位,单位编号,完成时限,填报状态,完成进度(%),量化目标（已报/目标）,灯号,原因,最近填报日期,进展情况,存在问题,下步打算,填报人,联系电话,填报次数,审核情况,延期情况,佐证材料\r\n");
    }

    @Test
    void rowsCarryTheSameValuesAsTheWorkbook() {
        String[] lines = text.substring(1).split("\r\n", -1);
        assertThat(lines[1]).isEqualTo("1.1,共建产业园区，推动“飞地经济”,统筹开展两市帮扶合作,,赣榆区,ganyu,2026-12-31,推进中,60,"
                + "签约项目：已报7个/目标10个,黄,进度滞后：按期应达80%，实际60%,2026-11-17,园区二期开工,用地指标待批,12月完成招商,张三,"
                + "0518-85800000,3,,,");
        assertThat(lines[2]).isEqualTo("3.1.2,招商引资,深化产业领域帮扶合作,产业,东海县,donghai,2026-11-15,未填报,,,红,已逾期7天，尚未填报,,,,,,,0,,,");
    }

    @Test
    void quotesPerRfc4180AndNeutralisesFormulas() {
        String hostileRow = text.substring(text.indexOf("3.3.1,"));
        assertThat(hostileRow).isEqualTo("3.3.1,'+SUM(A1:A9),'-2+3,'@教育,'\tcmd|' /C calc'!A0,evil,2026-12-31,受阻,40,"
                + "\"a,b \"\"quoted\"\"\r\nnext line\",红,\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"点我\"\")\",2026-11-19,"
                + "'=1+1,'+cmd,'-2,'@SUM(A1),\"'\r=2\",12,,,\r\n");
    }
}
