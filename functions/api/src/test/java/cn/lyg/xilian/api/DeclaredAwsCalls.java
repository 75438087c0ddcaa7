package cn.lyg.xilian.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** functions/api/aws-calls.txt: the IAM actions the function's code may call. */
final class DeclaredAwsCalls {

    private DeclaredAwsCalls() {
    }

    static Set<String> read() throws IOException {
        Path file = Path.of(System.getProperty("xilian.root", "../..")).resolve("functions/api/aws-calls.txt");
        Set<String> calls = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                calls.add(s);
            }
        }
        return calls;
    }
}
