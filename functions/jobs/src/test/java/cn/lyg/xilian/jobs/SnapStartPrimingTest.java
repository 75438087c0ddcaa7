package cn.lyg.xilian.jobs;

import cn.lyg.xilian.testkit.AwsCallRecorder;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The job functions' SnapStart priming against dynalite: one GetItem, one rendered mail (not sent), JSON. */
@ExtendWith(DynaliteExtension.class)
class SnapStartPrimingTest {

    @Test
    void primesDynamoDbTheMailRendererAndJsonWithDeclaredCallsOnlyAndSendsNothing(Dynalite dynalite) throws Exception {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "prime", null, Map.of())) {
            // @Context: created at start-up, i.e. during Lambda's init phase, before the snapshot.
            SnapStartPriming priming = app.context.getBean(SnapStartPriming.class);

            SnapStartPriming.Primed primed = AwsCallRecorder.during(priming::prime);
            SnapStartPriming.Primed again = priming.prime();

            assertThat(primed.planHeaderFound()).isTrue(); // JobsTestApp loaded the 2026 plan
            assertThat(primed.mimeBytes()).isGreaterThan(500);
            assertThat(primed.jsonChars()).isGreaterThan(20);
            assertThat(again).isEqualTo(primed); // nothing time- or instance-dependent in what it does
            assertThat(app.emails()).as("the sample mail is rendered, never sent").isEmpty();
            assertThat(AwsCallRecorder.recorded()).containsExactly("dynamodb:GetItem");
            assertThat(AwsCallRecorder.declared("jobs")).containsAll(AwsCallRecorder.recorded());
        }
    }
}
