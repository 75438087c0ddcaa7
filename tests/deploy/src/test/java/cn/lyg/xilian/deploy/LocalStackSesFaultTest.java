package cn.lyg.xilian.deploy;

import cn.lyg.xilian.runtime.Invocation;
import cn.lyg.xilian.testkit.FaultProxy;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SES throttling and failing during the daily scan (issue 10, faults as Lambda meets them): the
 * AlertScanFunction under the emulator, its SES endpoint behind a {@link FaultProxy} in front of LocalStack's
 * SES. Mail that SES did not accept stays pending; the next run sends it; every email arrives exactly once.
 */
class LocalStackSesFaultTest {

    static LocalStackTier tier;
    static FaultProxy ses;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(LocalStackConfig.endpoint().isPresent(), LocalStackConfig.SKIP_REASON);
        URI endpoint = LocalStackConfig.endpoint().get();
        ses = FaultProxy.to(endpoint);
        tier = new LocalStackTier(endpoint, "xilian-ses-fault-" + System.currentTimeMillis(), endpoint, ses.endpoint(),
                List.of("AlertScanFunction"));
        tier.loadPlanAndIssue("park-huiyu");
    }

    @AfterAll
    static void stop() {
        if (tier != null) {
            tier.close();
        }
        if (ses != null) {
            ses.close();
        }
    }

    @Test
    void throttledAndFailingSesLeavesAlertsPendingAndTheNextRunsSendEachOnce() throws Exception {
        LocalDate asOf = LocalStackTier.scanDay();
        String payload = LocalStackTier.schedulerPayload("AlertScanFunction", asOf);
        tier.mailbox.clear();

        // run 1: SES throttles every send to the coordinators (the SDK's own retries included), units get theirs
        ses.throttleSes("SendRawEmail", "coordinator-a%40xilian.example.cn", 1000);
        JsonNode run1 = run(payload);
        int tried1 = ses.seen("SendRawEmail");
        int throttled1 = ses.faulted("SendRawEmail");
        int mails1 = alertMails().size();
        ses.release();

        // run 2: SES fails every send (a 500, as in an SES outage)
        ses.fail("SendRawEmail", 1000, 500, "text/xml", "<ErrorResponse><Error><Type>Receiver</Type>"
                + "<Code>ServiceUnavailable</Code><Message>fault-proxy</Message></Error></ErrorResponse>");
        JsonNode run2 = run(payload);
        int tried2 = ses.seen("SendRawEmail") - tried1;
        int mails2 = alertMails().size();
        ses.release();

        // run 3: SES is back: the pending mail goes out; run 4: nothing left
        JsonNode run3 = run(payload);
        int mails3 = alertMails().size();
        JsonNode run4 = run(payload);
        List<SesMailbox.Mail> all = alertMails();

        System.out.printf("[fault: SES throttled/failing during the scan as of %s] run 1: SES requests %d (throttled %d), "
                        + "delivered %d, failed %d, emails in SES %d; run 2 (SES 500): requests %d, delivered %d, failed %d, "
                        + "emails %d; run 3: delivered %d, failed %d, emails %d; run 4: delivered %d, emails %d; "
                        + "alerts recorded in run 1: %d, found %d%n",
                asOf, tried1, throttled1, run1.path("delivered").size(), run1.path("failed").size(), mails1,
                tried2, run2.path("delivered").size(), run2.path("failed").size(), mails2,
                run3.path("delivered").size(), run3.path("failed").size(), mails3,
                run4.path("delivered").size(), all.size(), run1.path("newlyRecorded").asInt(), run1.path("found").asInt());

        assertThat(throttled1).as("coordinator mail was throttled").isGreaterThan(0);
        assertThat(run1.path("failed")).as("run 1 reports the throttled audience").isNotEmpty();
        assertThat(run1.path("failed").toString()).contains("coordinators");
        assertThat(run1.path("delivered").size()).as("the units' mail went out").isGreaterThan(0);
        assertThat(mails1).isEqualTo(run1.path("delivered").size());
        assertThat(run2.path("delivered")).as("nothing accepted while SES fails").isEmpty();
        assertThat(run2.path("failed")).as("the pending coordinator mail was tried again").isNotEmpty();
        assertThat(mails2).isEqualTo(mails1);
        assertThat(run3.path("failed")).isEmpty();
        assertThat(run3.path("delivered").toString()).contains("coordinators");
        assertThat(mails3).isEqualTo(mails1 + run3.path("delivered").size());
        assertThat(run4.path("delivered")).as("a fourth run sends nothing").isEmpty();
        assertThat(all).hasSize(mails3);
        assertThat(all).as("the coordinators got their mail").anySatisfy(m -> assertThat(m.isTo("coordinator-a@xilian.example.cn")).isTrue());
        Set<String> ids = new HashSet<>();
        all.forEach(m -> assertThat(ids.add(m.messageId())).as("Message-ID %s once", m.messageId()).isTrue());
    }

    /**
     * The alert mail in SES. From 15 November until next year's holiday calendar is loaded the scan also sends its one
     * warning to OpsEmail (HolidayCalendarJobsTest covers it); it is not part of these counts.
     */
    private static List<SesMailbox.Mail> alertMails() throws Exception {
        String ops = LocalStackStack.testParameters().get("OpsEmail");
        return tier.mailbox.messages().stream().filter(m -> !m.isTo(ops)).toList();
    }

    private static JsonNode run(String payload) throws Exception {
        Invocation result = tier.functions.get("AlertScanFunction").invoke(payload);
        assertThat(result.functionError()).as(result.response()).isFalse();
        return LocalStackTier.JSON.readTree(result.response());
    }
}
