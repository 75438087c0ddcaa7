package cn.lyg.xilian.deploy;

import cn.lyg.xilian.dynamodb.TableDefinition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, finding 6 (the stack's part): API Gateway stage throttling with rate and burst as parameters; a
 * metric filter counting the API's failed sign-in events and an alarm on a spike; TTL for sessions and rate
 * counters. The events themselves are tested in adapter-web (AbuseLimitsSecurityTest).
 */
class SecurityTemplateTest {

    @Test
    void theApiStageIsThrottledByParameters() throws Exception {
        Template t = Template.get();
        Map<String, Object> route = Template.map(t.resource("HttpApi").get("Properties"), "DefaultRouteSettings");
        assertThat(route.get("ThrottlingRateLimit")).isEqualTo(Map.of("Ref", "ApiThrottlingRateLimit"));
        assertThat(route.get("ThrottlingBurstLimit")).isEqualTo(Map.of("Ref", "ApiThrottlingBurstLimit"));
        Map<String, Object> parameters = Template.map(t.root, "Parameters");
        assertThat(Template.map(parameters, "ApiThrottlingRateLimit").get("Type")).isEqualTo("Number");
        assertThat(Template.map(parameters, "ApiThrottlingBurstLimit").get("Type")).isEqualTo("Number");
    }

    @Test
    void failedSignInsAreCountedFromTheApiLogAndAlarmed() throws Exception {
        Template t = Template.get();
        Map<String, Object> filter = Template.map(t.resource("FailedSignInMetricFilter"), "Properties");
        assertThat(filter.get("LogGroupName")).isEqualTo(Map.of("Ref", "ApiFunctionLogGroup"));
        // The event name the Authenticator logs (adapter-web AbuseLimitsSecurityTest reads the same lines).
        assertThat(filter.get("FilterPattern")).isEqualTo("\"SIGN_IN_FAILED\"");
        Map<String, Object> metric = Template.map(Map.of("m", Template.list(filter, "MetricTransformations").get(0)), "m");
        Map<String, Object> alarm = Template.map(t.resource("FailedSignInAlarm"), "Properties");
        assertThat(alarm.get("Namespace")).isEqualTo(metric.get("MetricNamespace"));
        assertThat(alarm.get("MetricName")).isEqualTo(metric.get("MetricName"));
        assertThat(alarm.get("Statistic")).isEqualTo("Sum");
        assertThat(alarm.get("Threshold")).isEqualTo(Map.of("Ref", "FailedSignInAlarmThreshold"));
        assertThat(Template.list(alarm, "AlarmActions")).containsExactly(Map.of("Ref", "OpsTopic"));
    }

    @Test
    void sessionsAndCountersExpireThroughTtl() throws Exception {
        Map<String, Object> ttl = Template.map(Template.map(Template.get().resource("XilianTable"), "Properties"),
                "TimeToLiveSpecification");
        assertThat(ttl).containsEntry("AttributeName", TableDefinition.TTL).containsEntry("Enabled", true);
    }
}
