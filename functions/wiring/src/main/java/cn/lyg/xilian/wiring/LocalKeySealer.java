package cn.lyg.xilian.wiring;

import cn.lyg.xilian.core.chat.AesGcmSealer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * The local run's sealing key: 32 random bytes, base64, in a file of the run's data directory, created on first use
 * readable by its owner only (0600). Losing the file loses the configured robots' credentials (they are then set
 * again in 群机器人), never anything else.
 */
public final class LocalKeySealer {

    private LocalKeySealer() {
    }

    public static AesGcmSealer of(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                create(keyFile);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(keyFile).strip());
            return new AesGcmSealer(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the sealing key " + keyFile.toAbsolutePath(), e);
        }
    }

    private static void create(Path keyFile) throws IOException {
        Path dir = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".sealing", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(AesGcmSealer.newKey()) + "\n");
            // a second process starting at the same moment keeps the first key, not its own
            Files.move(temp, keyFile);
        } catch (FileAlreadyExistsException other) {
            Files.deleteIfExists(temp);
        }
    }
}
