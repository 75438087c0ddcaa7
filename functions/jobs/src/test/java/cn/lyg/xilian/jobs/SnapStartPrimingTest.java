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
        try (JobsTestApp app = JobsTestApp.start(dynalite, "prime", null, Map.of(), "function")) {
            // @Context: created at start-up, i.e. during Lambda's init phase, before the snapshot.
            SnapStartPriming priming = app.context.getBean(SnapStartPriming.class);

            SnapStartPriming.Primed primed = AwsCallRecorder.during(priming::prime);
            SnapStartPriming.Primed again = priming.prime();

            assertThat(primed.schemas()).as("every item type's schema, built").isGreaterThan(10);
            assertThat(primed.planHeaderFound()).isTrue(); // JobsTestApp loaded the 2026 plan
            assertThat(primed.mimeBytes()).isGreaterThan(500);
            assertThat(primed.jsonChars()).isGreaterThan(20);
            assertThat(again).isEqualTo(primed); // nothing time- or instance-dependent in what it does
            assertThat(app.emails()).as("the sample mail is rendered, never sent").isEmpty();
            assertThat(AwsCallRecorder.recorded()).containsExactly("dynamodb:GetItem");
            assertThat(AwsCallRecorder.declared("jobs")).containsAll(AwsCallRecorder.recorded());
        }
    }

    @Test
    void aHandlerBuiltAsTheLambdaRuntimeBuildsItHasIt() throws Exception {
        // no-arg constructor: the handler starts its own context (Lambda's builder: function environment)
        try (AlertScanHandler handler = new AlertScanHandler()) {
            assertThat(handler.getApplicationContext().getEnvironment().getActiveNames()).contains("function");
            assertThat(handler.getApplicationContext().containsBean(SnapStartPriming.class)).isTrue();
        }
    }

    @Test
    void onlyFunctionContextsHaveIt(Dynalite dynalite) {
        // the local run and the job command line reuse this module without the function environment
        try (JobsTestApp app = JobsTestApp.start(dynalite, "noprime", null, Map.of())) {
            assertThat(app.context.containsBean(SnapStartPriming.class)).isFalse();
        }
    }
}
