package jp.madoguchi.reader;

import java.io.PrintStream;

/** Entry point of the counter-PC program that reads a My Number card's PIN states over PC/SC. */
public final class ReaderAdapter {

    private ReaderAdapter() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command and returns the process exit code; kept separate from main so tests can call it. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("version"))) {
            out.println("madoguchi reader-adapter " + version());
            return 0;
        }
        err.println("使い方: reader-adapter --version / usage: reader-adapter --version");
        return 2;
    }

    static String version() {
        String v = ReaderAdapter.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
