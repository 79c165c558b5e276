package dev.nn4j.cli.conformance;

import dev.nn4j.cli.Main;

/**
 * Plain entry point for scripts: {@code java ... dev.nn4j.cli.conformance.ConformanceMain FILE... [--kind K] [--verbose]},
 * the same as {@code nn4j conformance FILE...}.
 */
public final class ConformanceMain {
    private ConformanceMain() {}

    public static void main(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "conformance";
        System.arraycopy(args, 0, all, 1, args.length);
        Main.main(all);
    }
}
