package footprint.trace.verify;

import footprint.input.InputException;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs binutils' {@code objdump -dl --inlines} on compiled modules and reads the output into a {@link Disassembly}. */
public final class Objdump {
    private Objdump() {}

    /** Disassembles {@code modules}; a missing objdump, a missing or unreadable module, or one without line info is bad input. */
    public static Disassembly disassemble(List<Path> modules) {
        if (!onPath("objdump")) {
            throw new InputException("objdump is not on PATH (install binutils): cannot read the modules' debug line info");
        }
        Disassembly code = new Disassembly();
        for (Path module : modules) {
            if (!Files.isRegularFile(module)) {
                throw new InputException(module, 0, "no such module file");
            }
            if (read(code, module) == 0) {
                throw new InputException(module, 0, "has no debug line information (use the module of a -dbg package"
                        + " or a build with CONFIG_DEBUG_INFO)");
            }
        }
        return code;
    }

    private static int read(Disassembly code, Path module) {
        Path errors = null;
        try {
            errors = Files.createTempFile("footprint-objdump", ".err");
            Process p = new ProcessBuilder("objdump", "-dl", "--inlines", "--no-show-raw-insn", module.toString())
                    .redirectError(errors.toFile()).start();
            p.getOutputStream().close();
            int locations;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                locations = code.add(module.getFileName().toString(), out);
            }
            if (p.waitFor() != 0) {
                String why = Files.readAllLines(errors).stream().findFirst().orElse("exit code " + p.exitValue());
                throw new InputException(module, 0, "objdump cannot read it: " + why);
            }
            return locations;
        } catch (IOException e) {
            throw new InputException(module, 0, "cannot run objdump: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(module, 0, "interrupted while running objdump");
        } finally {
            if (errors != null) {
                errors.toFile().delete();
            }
        }
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
