package cn.lyg.xilian.dynamodb;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeysTest {

    @Test
    void weekIsTheIsoWeekInShanghai() {
        // Monday 2026-11-23 00:00 in Shanghai is 2026-11-22T16:00Z.
        assertThat(Keys.week(Instant.parse("2026-11-22T15:59:59.999Z"))).isEqualTo("2026-W47");
        assertThat(Keys.week(Instant.parse("2026-11-22T16:00:00Z"))).isEqualTo("2026-W48");
        // 2027-01-01 (Shanghai) is a Friday in the 53rd week of week-based year 2026.
        assertThat(Keys.week(Instant.parse("2026-12-31T17:00:00Z"))).isEqualTo("2026-W53");
        assertThat(Keys.week(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("2026-W01");
    }

    @Test
    void weeksBetweenListsEveryTouchedWeekOnce() {
        assertThat(Keys.weeksBetween(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")))
                .containsExactly("2026-W47", "2026-W48", "2026-W49");
        // Ends exactly at the start of W48 (Shanghai): W48 is not touched.
        assertThat(Keys.weeksBetween(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-22T16:00:00Z")))
                .containsExactly("2026-W47");
        assertThat(Keys.weeksBetween(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-20T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void timesHaveFixedWidthSoTheySort() {
        assertThat(Keys.time(Instant.parse("2026-11-25T01:02:03Z"))).isEqualTo("2026-11-25T01:02:03.000Z");
        assertThat(Keys.time(Instant.parse("2026-11-25T01:02:03.456789Z"))).isEqualTo("2026-11-25T01:02:03.456Z");
    }

    @Test
    void keysFollowTheTableDesign() {
        assertThat(Keys.planPk(2026)).isEqualTo("PLAN#2026");
        assertThat(Keys.state("3.1.1", "ganyu")).isEqualTo("STATE#3.1.1#ganyu");
        assertThat(Keys.unitIndexPk(2026, "ganyu")).isEqualTo("PLAN#2026#UNIT#ganyu");
        assertThat(Keys.taskHistoryPk(2026, "1.2")).isEqualTo("PLAN#2026#TASK#1.2");
        assertThat(Keys.submissionSk("ganyu", "k#1")).isEqualTo("SUB#ganyu#k#1");
        assertThat(Keys.weekPk(2026, "2026-W48")).isEqualTo("PLAN#2026#WEEK#2026-W48");
        assertThat(Keys.weekSk(Instant.parse("2026-11-25T01:02:03.456Z"), "1.2", "ganyu"))
                .isEqualTo("2026-11-25T01:02:03.456Z#1.2#ganyu");
        assertThatThrownBy(() -> Keys.state("1#2", "ganyu")).isInstanceOf(IllegalArgumentException.class);
    }
}
