package cn.lyg.xilian.testkit.security;

import java.util.List;
import java.util.function.Function;

/**
 * The identifiers an attacker bends to leave their own report (issue 19): for every identifier of the evidence
 * routes, as a path segment, and for the uploaded object's key, as the JSON body or the redirect's query carries it.
 * One list for the local run (Netty) and the API function (API Gateway events).
 */
public final class EvidenceAttacks {

    private EvidenceAttacks() {
    }

    /** A path segment bent to reach another unit's report: traversal, encodings, absolute paths, NUL, overlong. */
    public static List<String> segments(String victimUnit, String victimReport) {
        return List.of("..", ".", "../" + victimUnit + "/" + victimReport, "..%2f" + victimUnit + "%2f" + victimReport,
                "%2e%2e", "%2e%2e%2f" + victimUnit, "%2e%2e/" + victimUnit, "..%5c" + victimUnit + "%5c" + victimReport,
                "..\\" + victimUnit, "%252e%252e%252f" + victimUnit, "%c0%ae%c0%ae%2f" + victimUnit, "%2fetc%2fpasswd",
                "%2f" + victimReport, victimReport + "%00", "1.2%00.pdf", "a".repeat(3000), "%00");
    }

    /**
     * An uploaded object's key bent to reach another unit's file or a folder, or to be no key at all.
     *
     * @param ownUpload  the caller's own upload prefix ({@code evidence/Y/T/U/R/upload-ID/})
     * @param victimKey  another unit's stored file ({@code evidence/Y/T/V/R2/F.pdf}) on the same task
     * @param dataFolder where a local store keeps its files (an absolute path), or null
     */
    public static List<String> keys(String ownUpload, String victimKey, String dataFolder) {
        String[] own = ownUpload.split("/");
        String taskPrefix = String.join("/", own[0], own[1], own[2]) + "/";
        String victimFolder = victimKey.substring(0, victimKey.lastIndexOf('/') + 1);
        String fromTask = victimKey.substring(taskPrefix.length());
        Function<String, String> up = s -> ownUpload + "../../../" + s;
        return List.of(
                up.apply(fromTask), // issue 19's attack
                victimKey, "/" + victimKey, (dataFolder == null ? "/data" : dataFolder) + "/" + victimKey,
                ownUpload + "..%2f..%2f..%2f" + fromTask, ownUpload + "..\\..\\..\\x.pdf",
                ownUpload + "x.pdf\u0000/../../../" + fromTask, ownUpload + "a".repeat(5000),
                victimFolder, up.apply(victimFolder.substring(taskPrefix.length())), ownUpload, ownUpload + "..",
                taskPrefix + own[3] + "/../" + fromTask, "", "evidence/");
    }
}
