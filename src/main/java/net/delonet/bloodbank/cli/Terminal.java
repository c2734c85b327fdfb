package net.delonet.bloodbank.cli;

/** Whether standard input is a terminal: bin/bb tells (BB_STDIN_TTY); without it, Java's console is the best guess. */
final class Terminal {

    private Terminal() {
    }

    static boolean stdinIsTerminal() {
        String told = System.getenv("BB_STDIN_TTY");
        return told != null ? told.equals("1") : System.console() != null;
    }
}
