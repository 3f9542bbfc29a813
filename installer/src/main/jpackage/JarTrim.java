import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build tool (run with {@code java JarTrim.java}, never shipped): copies a jar without the native
 * libraries of other platforms. sqlite-jdbc and JNA carry natives for some 25 platforms, about
 * 13 MB of a .deb whose budget is 80 MB; a Linux package needs one of them.
 *
 * <p>Usage: {@code java JarTrim.java <in.jar> <out.jar> <drop-regex> <keep-regex>}: an entry
 * is dropped when its name matches drop-regex and not keep-regex. The output is written beside
 * and moved into place, so a failed run leaves no half-written jar.
 */
public final class JarTrim {

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: JarTrim <in.jar> <out.jar> <drop-regex> <keep-regex>");
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Pattern drop = Pattern.compile(args[2]);
        Pattern keep = Pattern.compile(args[3]);
        long inBytes = Files.size(in);
        Path temp = Files.createTempFile(out.toAbsolutePath().getParent(), out.getFileName().toString(), ".part");
        int dropped = 0;
        int kept = 0;
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(in));
             OutputStream raw = Files.newOutputStream(temp);
             ZipOutputStream zout = new ZipOutputStream(raw)) {
            for (ZipEntry entry = zin.getNextEntry(); entry != null; entry = zin.getNextEntry()) {
                String name = entry.getName();
                if (drop.matcher(name).matches() && !keep.matcher(name).matches()) {
                    dropped++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(entry.getTime());
                zout.putNextEntry(copy);
                zin.transferTo(zout);
                zout.closeEntry();
                kept++;
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        if (kept == 0) {
            Files.deleteIfExists(temp);
            throw new IllegalStateException(in + ": nothing left after trimming");
        }
        Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("JarTrim %s: kept %d entries, dropped %d (%d -> %d bytes)%n", in.getFileName(), kept, dropped,
                inBytes, Files.size(out));
    }
}
