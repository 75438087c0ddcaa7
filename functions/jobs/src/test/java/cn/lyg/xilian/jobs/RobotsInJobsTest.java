package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.admin.ConfigureRobots;
import cn.lyg.xilian.core.admin.ConfigureRobots.RobotInput;
import cn.lyg.xilian.core.admin.DirectoryContacts;
import cn.lyg.xilian.core.admin.DirectoryRobots;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.chat.ChatRobot;
import cn.lyg.xilian.core.chat.ChatRobots;
import cn.lyg.xilian.core.chat.ChatVendor;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 26: the jobs' {@link ChatRobots} is the directory's, sealed with the configured key: a robot a coordinator
 * set a minute ago is in the next run (the handlers' contacts refresh), opened; the local key file is 0600.
 */
@ExtendWith(DynaliteExtension.class)
class RobotsInJobsTest {

    private static final Principal ZHANG = new Principal(Role.COORDINATOR, null, "0".repeat(64), "c-0123456789",
            null);
    private static final String WEBHOOK = "https://oapi.dingtalk.com/robot/send?access_token=0ddba11c0ffee";

    @Test
    void aRobotSetByACoordinatorIsTheJobsNextRunsRobot(Dynalite dynalite, @TempDir Path data) throws Exception {
        Path keyFile = data.resolve("chat-sealing.key");
        try (JobsTestApp app = JobsTestApp.start(dynalite, "robots", null,
                Map.of("xilian.chat.local-key-file", keyFile.toString()))) {
            ChatRobots robots = app.context.getBean(ChatRobots.class);
            assertThat(robots).isInstanceOf(DirectoryRobots.class);
            DirectoryContacts contacts = app.context.getBean(DirectoryContacts.class);
            contacts.refresh();
            assertThat(robots.robotOf(Audience.COORDINATORS)).isEmpty();

            assertThat(app.context.getBean(ConfigureRobots.class).save(ZHANG, "coordinators", 0,
                    new RobotInput("DINGTALK", WEBHOOK, "SECabc123"), "robot-key-0001"))
                    .isInstanceOf(Outcome.Done.class);
            assertThat(robots.robotOf(Audience.COORDINATORS)).as("same run: same snapshot").isEmpty();
            contacts.refresh(); // what a handler does when it starts
            assertThat(robots.robotOf(Audience.COORDINATORS))
                    .contains(new ChatRobot(ChatVendor.DINGTALK, WEBHOOK, "SECabc123"));
            String unit = app.plan.units().getFirst().id();
            assertThat(robots.robotOf(Audience.unit(unit))).isEmpty();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(Files.readString(keyFile)).doesNotContain("SECabc123");
    }
}
