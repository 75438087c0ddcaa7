package cn.lyg.xilian.core.admin;

import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.chat.RobotSetting;
import cn.lyg.xilian.core.supervision.Write;

import java.util.Optional;

/**
 * The group robots' settings in the directory partition (one per audience, beside the profiles; listed by
 * {@link Directory#read()}). Writes are conditional on the version a form was filled from.
 */
public interface RobotSettings {

    Optional<RobotSetting> robot(Audience audience);

    /**
     * Stores {@code next} if the stored version is {@code next.version() - 1}, or none is stored and
     * {@code next.version() == 1}; {@link Write.Taken} with what is stored otherwise (absent: someone removed it).
     */
    Write<Optional<RobotSetting>> save(RobotSetting next);

    /**
     * Deletes the audience's setting if its stored version is {@code version} (nothing stored: nothing to do);
     * empty when it is gone, the stored setting when someone changed it meanwhile.
     */
    Optional<RobotSetting> delete(Audience audience, long version);
}
