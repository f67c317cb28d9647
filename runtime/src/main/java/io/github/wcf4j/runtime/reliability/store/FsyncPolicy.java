package io.github.wcf4j.runtime.reliability.store;

/**
 * When a {@link LogSequenceStore} forces its file to the disk before a write completes. Every policy writes the
 * change to the file (the operating system's) before the write completes, so every policy survives the crash of the
 * process (SIGKILL); only the forcing ones survive the crash of the machine.
 */
public enum FsyncPolicy {
    /** Never forces: survives a process crash, not a power loss. The fastest. */
    NONE,
    /**
     * Group commit (the default): the writes that arrive while one batch is written are written together and forced
     * once; a write completes when its batch is on the disk.
     */
    GROUP,
    /** One force per change, no batching: the slowest, for a disk whose every write must be acknowledged alone. */
    EVERY_WRITE;

    /** The policy named {@code name} ({@code none}, {@code group}, {@code every-write}), case-insensitive. */
    public static FsyncPolicy named(String name) {
        for (FsyncPolicy p : values()) {
            if (p.settingName().equalsIgnoreCase(name.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown fsync policy '" + name + "': use none, group or every-write.");
    }

    /** The policy's name in a store setting. */
    public String settingName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
