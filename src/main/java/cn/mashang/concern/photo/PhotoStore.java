package cn.mashang.concern.photo;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Photo bytes in a storage folder ({@code storage.dir}, env STORAGE_DIR, default ./storage) under generated
 * names ({@code photos/ab/<32 hex>.jpg}); names from requests are never used. Object storage can replace this
 * class later.
 */
@Singleton
public class PhotoStore {
    private final Path root;
    private final SecureRandom random = new SecureRandom();

    PhotoStore(@Value("${storage.dir:./storage}") String dir) {
        this.root = Path.of(dir).toAbsolutePath().normalize();
    }

    /** Stores the bytes and answers the generated storage name. */
    public String put(byte[] bytes, String extension) {
        byte[] r = new byte[16];
        random.nextBytes(r);
        String hex = HexFormat.of().formatHex(r);
        String name = "photos/" + hex.substring(0, 2) + "/" + hex + "." + extension;
        Path target = resolve(name);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "up", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }

    public byte[] get(String name) {
        try {
            return Files.readAllBytes(resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String name) {
        try {
            Files.deleteIfExists(resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path resolve(String name) {
        if (!name.matches("photos/[0-9a-f]{2}/[0-9a-f]{32}\\.[a-z]{3,4}")) {
            throw new IllegalArgumentException("bad storage name");
        }
        return root.resolve(name);
    }
}
