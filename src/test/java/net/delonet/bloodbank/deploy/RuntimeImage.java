package net.delonet.bloodbank.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.delonet.bloodbank.deploy.Dockerfile.Instruction;

/**
 * The Dockerfile's runtime stage laid out on this machine the way an engine runs it (there is no engine here): a root
 * folder whose /usr, /etc, /dev and /sys are the host's (standing in for the JRE base image), then the stage's own
 * WORKDIR, RUN (mkdir, chown, groupadd, useradd), COPY, ENV, USER and VOLUME in order. The ENTRYPOINT runs in a mount
 * namespace of its own, chrooted, as USER, with the root read-only and only the VOLUMEs (and the mounts a test adds,
 * like {@code docker run -v}) writable; each VOLUME is a host folder that outlives one run, like a named volume.
 * Needs root (unshare, mount, chroot).
 */
final class RuntimeImage {

    private final Path dir;
    private final Path root;
    private final ImageUsers users = new ImageUsers();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, Path> volumes = new LinkedHashMap<>();
    private final Map<String, Path> readOnly = new LinkedHashMap<>();
    private String workdir = "/";
    private String user = "0:0";
    private List<String> entrypoint = List.of();

    private RuntimeImage(Path dir) {
        this.dir = dir;
        this.root = dir.resolve("root");
    }

    /** Lays the runtime stage out under {@code dir}. */
    static RuntimeImage build(Path dir) throws IOException {
        RuntimeImage image = new RuntimeImage(dir);
        image.base();
        for (Instruction step : Dockerfile.runtimeStage()) {
            image.apply(step);
        }
        return image;
    }

    private void base() throws IOException {
        Files.createDirectories(root);
        open(dir);
        for (String mountPoint : List.of("usr", "etc", "dev", "sys", "proc", "var")) {
            Files.createDirectory(root.resolve(mountPoint));
        }
        for (String merged : List.of("bin", "sbin", "lib", "lib64")) {
            Files.createSymbolicLink(root.resolve(merged), Path.of("usr", merged));
        }
        // as in every base image: a world-writable /tmp with the sticky bit
        chmod("1777", Files.createDirectory(root.resolve("tmp")));
    }

    private void apply(Instruction step) throws IOException {
        switch (step.keyword()) {
            case "WORKDIR" -> workdir = Files.createDirectories(inRoot(step.args())).equals(root) ? "/" : step.args();
            case "RUN" -> {
                for (String command : step.args().split("&&")) {
                    run(List.of(command.strip().split("\\s+")));
                }
            }
            case "COPY" -> copy(List.of(step.args().split("\\s+")));
            case "ENV" -> env.putAll(Dockerfile.pairs(step.args()));
            case "USER" -> user = step.args().contains(":") ? step.args() : step.args() + ":" + step.args();
            case "VOLUME" -> {
                for (String path : Dockerfile.array(step.args())) {
                    volumes.put(path, newVolume(path));
                }
            }
            case "ENTRYPOINT" -> entrypoint = Dockerfile.array(step.args());
            case "FROM", "EXPOSE", "HEALTHCHECK", "LABEL", "ARG" -> { }
            default -> throw new IllegalStateException("cannot replay " + step + ": teach RuntimeImage");
        }
    }

    private void run(List<String> command) throws IOException {
        List<String> args = command.subList(1, command.size());
        switch (command.get(0)) {
            case "mkdir" -> {
                for (String path : args.stream().filter(a -> !a.startsWith("-")).toList()) {
                    Files.createDirectories(inRoot(path));
                }
            }
            case "chown" -> {
                String[] owner = args.get(0).split(":");
                for (String path : args.subList(1, args.size())) {
                    Files.setAttribute(inRoot(path), "unix:uid", Integer.parseInt(owner[0]));
                    Files.setAttribute(inRoot(path), "unix:gid", Integer.parseInt(owner.length > 1 ? owner[1] : owner[0]));
                }
            }
            case "groupadd", "useradd" -> users.add(command);
            default -> throw new IllegalStateException("cannot replay RUN " + command + ": teach RuntimeImage");
        }
    }

    private void copy(List<String> args) throws IOException {
        boolean fromBuild = args.get(0).startsWith("--from=");
        List<String> paths = fromBuild ? args.subList(1, args.size()) : args;
        // the build stage works in /build, where Maven's target/ is: here the project root
        Path source = Path.of(fromBuild ? paths.get(0).replaceFirst("^/build/", "") : paths.get(0));
        Path target = inRoot(paths.get(1).startsWith("/") ? paths.get(1) : workdir + "/" + paths.get(1));
        if (Files.isDirectory(source)) {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName().toString()));
                }
            }
        } else {
            Files.createDirectories(target.getParent());
            Files.copy(source, target);
        }
    }

    /** A new named volume starts as a copy of the image's folder: its owner and mode (here always empty). */
    private Path newVolume(String path) throws IOException {
        Path volume = Files.createDirectories(dir.resolve("volumes").resolve(path.substring(1).replace('/', '_')));
        Path image = Files.createDirectories(inRoot(path));
        Files.setAttribute(volume, "unix:uid", Files.getAttribute(image, "unix:uid"));
        Files.setAttribute(volume, "unix:gid", Files.getAttribute(image, "unix:gid"));
        Files.setPosixFilePermissions(volume, Files.getPosixFilePermissions(image));
        return volume;
    }

    /** Like {@code docker run -v host:path:ro}. */
    void mountReadOnly(Path host, String path) throws IOException {
        Files.createDirectories(inRoot(path));
        readOnly.put(path, host.toAbsolutePath());
    }

    Map<String, String> env() {
        return Map.copyOf(env);
    }

    /** Where on the host a path the container writes ends up: on its VOLUME's folder. */
    Path onHost(String path) {
        return volumes.entrySet().stream().filter(v -> path.equals(v.getKey()) || path.startsWith(v.getKey() + "/"))
                .map(v -> v.getValue().resolve(path.substring(v.getKey().length()).replaceFirst("^/", "")))
                .findFirst().orElseThrow(() -> new AssertionError(path + " lies on no VOLUME of the image"));
    }

    /** Starts the ENTRYPOINT with {@code extraEnv} ({@code docker run -e}), in {@code cgroup} when one is given. */
    Process start(Map<String, String> extraEnv, Path log, Path cgroup) throws IOException {
        List<String> script = new ArrayList<>(List.of("set -e"));
        if (cgroup != null) {
            script.add("echo $$ > " + cgroup.resolve("cgroup.procs"));
        }
        script.add("mount --bind " + root + " " + root);
        for (String base : List.of("usr", "etc", "dev", "sys")) {
            script.add("mount --rbind /" + base + " " + root.resolve(base));
        }
        script.add("mount -t proc proc " + root.resolve("proc"));
        script.addAll(users.mounts(dir, root));
        volumes.forEach((path, host) -> script.add("mount --bind " + host + " " + inRoot(path)));
        readOnly.forEach((path, host) -> script.add("mount --bind " + host + " " + inRoot(path)));
        readOnly.forEach((path, host) -> script.add("mount -o remount,bind,ro " + inRoot(path)));
        for (String base : List.of("", "usr", "etc")) {
            script.add("mount -o remount,bind,ro " + root.resolve(base));
        }
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "sh", "-c",
                String.join("\n", script) + "\nexec chroot --userspec=" + user + " " + root + " \"$@\"", "sh",
                "/usr/bin/env", "-i", "-C", workdir, "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + users.home(user)));
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putAll(extraEnv);
        all.forEach((name, value) -> command.add(name + "=" + value));
        command.addAll(entrypoint);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private Path inRoot(String path) {
        return root.resolve(path.replaceFirst("^/+", ""));
    }

    private static void chmod(String mode, Path path) throws IOException {
        try {
            if (new ProcessBuilder("chmod", mode, path.toString()).inheritIO().start().waitFor() != 0) {
                throw new IOException("chmod " + mode + " " + path + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void open(Path folder) throws IOException {
        // the unprivileged user must be able to reach the root it is chrooted into (its parents are 755 in target/)
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
