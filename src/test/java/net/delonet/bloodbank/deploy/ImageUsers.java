package net.delonet.bloodbank.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The users and groups a Dockerfile's {@code groupadd}/{@code useradd} create: added to copies of the host's
 * /etc/passwd and /etc/group that are mounted over the image's, so the JVM finds its user (and {@code user.home}).
 */
final class ImageUsers {

    private final List<String> passwd = new ArrayList<>();
    private final List<String> group = new ArrayList<>();
    private final List<String[]> homes = new ArrayList<>();

    void add(List<String> command) {
        String name = command.get(command.size() - 1);
        if (command.get(0).equals("groupadd")) {
            group.add(name + ":x:" + option(command, "--gid", "0") + ":");
            return;
        }
        String uid = option(command, "--uid", "0");
        String home = option(command, "--home-dir", "/home/" + name);
        String gid = option(command, "--gid", uid);
        String numericGid = group.stream().filter(g -> g.startsWith(gid + ":x:")).map(g -> g.split(":")[2])
                .findFirst().orElse(gid);
        passwd.add(name + ":x:" + uid + ":" + numericGid + "::" + home + ":/usr/sbin/nologin");
        homes.add(new String[] {uid, home});
    }

    /** HOME as Docker sets it for {@code uid[:gid]}: the user's home, else /. */
    String home(String user) {
        String uid = user.split(":")[0];
        return homes.stream().filter(h -> h[0].equals(uid)).map(h -> h[1]).findFirst().orElse("/");
    }

    /** Shell lines mounting the extended files over the image root's /etc/passwd and /etc/group. */
    List<String> mounts(Path dir, Path root) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String file : List.of("passwd", "group")) {
            Path copy = dir.resolve(file);
            List<String> entries = new ArrayList<>(Files.readAllLines(Path.of("/etc", file)));
            entries.addAll(file.equals("passwd") ? passwd : group);
            Files.write(copy, entries);
            lines.add("mount --bind " + copy + " " + root.resolve("etc").resolve(file));
        }
        return lines;
    }

    private static String option(List<String> command, String name, String fallback) {
        int at = command.indexOf(name);
        return at >= 0 && at + 1 < command.size() ? command.get(at + 1) : fallback;
    }
}
