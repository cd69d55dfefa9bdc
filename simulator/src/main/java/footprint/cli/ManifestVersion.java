package footprint.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, so the build is the one place it is set. */
final class ManifestVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"footprint " + (v == null ? "(development build)" : v)};
    }
}
