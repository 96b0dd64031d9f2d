package io.niows.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The extractor sees every way a source names another niows package, and nothing else. */
class PackageEdgeExtractorTest {

    private static final String FRAME = "package io.niows.internal.frame;\n";
    private static final PackageEdge FRAME_TO_PROTOCOL = new PackageEdge("io.niows.internal.frame", "io.niows.protocol");

    @Test
    void anImportMakesAnEdge() {
        assertThat(PackageEdgeExtractor.edgesIn(FRAME + "import io.niows.protocol.CloseCode;\nclass A {}"))
                .containsExactly(FRAME_TO_PROTOCOL);
    }

    @Test
    void aStaticImportMakesAnEdgeToThePackageNotTheType() {
        assertThat(PackageEdgeExtractor.edgesIn(FRAME + "import static io.niows.protocol.CloseCode.NORMAL;\nclass A {}"))
                .containsExactly(FRAME_TO_PROTOCOL);
    }

    @Test
    void aWildcardImportMakesAnEdge() {
        assertThat(PackageEdgeExtractor.edgesIn(FRAME + "import io.niows.protocol.*;\nclass A {}"))
                .containsExactly(FRAME_TO_PROTOCOL);
    }

    @Test
    void aFullyQualifiedNameInCodeMakesAnEdgeWithoutAnImport() {
        String source = FRAME + "class A {\n  int c = io.niows.protocol.CloseCode.PROTOCOL_ERROR.code();\n}";

        assertThat(PackageEdgeExtractor.edgesIn(source)).containsExactly(FRAME_TO_PROTOCOL);
    }

    @Test
    void aTypeOfTheTopPackageMakesAnEdgeToIt() {
        assertThat(PackageEdgeExtractor.edgesIn("package io.niows.internal.reactor;\nimport io.niows.WebSocket;"))
                .containsExactly(new PackageEdge("io.niows.internal.reactor", "io.niows"));
    }

    @Test
    void namesInCommentsAndLiteralsMakeNoEdge() {
        String source = FRAME
                + "/** Reports like {@link io.niows.protocol.CloseCode}. */\n"
                + "class A { // see io.niows.protocol.Role\n"
                + "  /* io.niows.protocol.EngineListener */\n"
                + "  String logger = \"io.niows.protocol.WebSocketEngine\";\n"
                + "  String url = \"http://x\"; char q = '\"'; String after = \"io.niows.Header\";\n"
                + "  String block = \"\"\"\n    io.niows.protocol.Role\n    \"\"\";\n"
                + "}";

        assertThat(PackageEdgeExtractor.edgesIn(source)).isEmpty();
    }

    @Test
    void codeAfterACommentOnTheSameLineStillCounts() {
        String source = FRAME + "class A { /* note */ io.niows.protocol.Role r; }";

        assertThat(PackageEdgeExtractor.edgesIn(source)).containsExactly(FRAME_TO_PROTOCOL);
    }

    @Test
    void theOwnPackageAndOtherLibrariesMakeNoEdge() {
        String source = FRAME + "import io.niows.internal.frame.WireFormat;\nimport com.io.niows.Fake;\n"
                + "import java.nio.ByteBuffer;\nclass A {}";

        assertThat(PackageEdgeExtractor.edgesIn(source)).isEmpty();
    }

    @Test
    void aFileWithoutAPackageLineMakesNoEdge() {
        assertThat(PackageEdgeExtractor.edgesIn("module io.niows {\n exports io.niows.protocol;\n}")).isEmpty();
    }
}
