package cn.lyg.xilian.core.alert;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PairAssessmentsTest {

    @Test
    void aPairTheRulesDidNotAssessIsGreenWithoutReason() {
        Assessment red = new Assessment("1.1", "ganyu", Light.RED, List.of());
        PairAssessments assessments = new PairAssessments(List.of(red));
        assertThat(assessments.of("1.1", "ganyu")).isSameAs(red);
        assertThat(assessments.of("1.1", "donghai")).isEqualTo(new Assessment("1.1", "donghai", Light.GREEN, List.of()));
        assertThat(assessments.of("1.1", "donghai").summary()).isEmpty();
    }
}
