package dev.retort.tests.cli;

import java.util.List;

/** What one in-process {@code retort} run printed and returned. */
public record CliRun(int status, String out, String err) {

    public List<String> outLines() {
        return out.lines().toList();
    }

    public List<String> errLines() {
        return err.lines().toList();
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
}
