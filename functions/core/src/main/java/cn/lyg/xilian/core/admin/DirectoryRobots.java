package cn.lyg.xilian.core.admin;

import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.chat.ChatRobot;
import cn.lyg.xilian.core.chat.ChatRobots;
import cn.lyg.xilian.core.chat.RobotSetting;
import cn.lyg.xilian.core.chat.SecretSealer;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The robots as the coordinators configured them, for the jobs: read from the same directory snapshot as the
 * contacts ({@link DirectoryContacts#contents()}: one Query per run for both), opened through the sealer once per
 * audience and run. A deactivated unit, or one no longer in the directory, has no robot; a sealed value that does not
 * open (the key disabled, the item altered) gives no robot either, so email still goes.
 */
public class DirectoryRobots implements ChatRobots {

    private static final System.Logger LOG = System.getLogger(DirectoryRobots.class.getName());

    private final DirectoryContacts directory;
    private final SecretSealer sealer;
    private final Map<Audience, Optional<ChatRobot>> opened = new ConcurrentHashMap<>();

    public DirectoryRobots(DirectoryContacts directory, SecretSealer sealer) {
        this.directory = directory;
        this.sealer = sealer;
    }

    private volatile Directory.Contents openedFrom;

    @Override
    public Optional<ChatRobot> robotOf(Audience audience) {
        Directory.Contents contents = directory.contents();
        if (contents != openedFrom) {
            // the contacts were refreshed (a handler's start): what was opened belongs to the previous run
            opened.clear();
            openedFrom = contents;
        }
        return opened.computeIfAbsent(audience, a -> open(contents, a));
    }

    /** Forgets the snapshot (the contacts' too: it is one). */
    @Override
    public void refresh() {
        opened.clear();
        directory.refresh();
    }

    private Optional<ChatRobot> open(Directory.Contents contents, Audience audience) {
        if (!audience.isCoordinators() && contents.units().stream()
                .noneMatch(u -> u.id().equals(audience.unitId()) && u.active())) {
            return Optional.empty();
        }
        Optional<RobotSetting> setting = contents.robot(audience);
        if (setting.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(setting.get().open(sealer));
        } catch (SecretSealer.SealedValueException | IllegalArgumentException e) {
            // The message names the audience and the failure, never a value.
            LOG.log(System.Logger.Level.WARNING, "robot of " + audience.key() + " does not open: " + e.getMessage());
            return Optional.empty();
        }
    }
}
