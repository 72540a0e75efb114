package org.smartcc.api.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The embedded run (embedded/pom.xml, profile {@code run}) has public development credentials, so its Payara Micro
 * must listen on loopback unless told otherwise, and open no other port to the network.
 */
class EmbeddedRunBindingTest {

    static final Path EMBEDDED = Path.of("..", "embedded");
    static final String ADDRESS_PROPERTY = "${smartcc.http.address}";

    static Document pom;
    static List<String> arguments;

    @BeforeAll
    static void readPom() throws Exception {
        pom = parse(Files.newInputStream(EMBEDDED.resolve("pom.xml")));
        arguments = Arrays.asList(xpath("//execution[id='run-payara-micro']/configuration/commandlineArgs")
                .trim().split("\\s+"));
    }

    @Test
    void theAddressIsLoopbackByDefault() throws Exception {
        String address = xpath("/project/properties/smartcc.http.address");
        assertFalse(address.isBlank(), "embedded/pom.xml sets smartcc.http.address"); // "" would resolve to localhost
        assertTrue(InetAddress.getByName(address).isLoopbackAddress(), address);
    }

    @Test
    void payaraBindsItsHttpListenerToThatAddressBeforeBooting() throws Exception {
        int option = arguments.indexOf("--prebootcommandfile");
        assertTrue(option > 0, "no --prebootcommandfile in " + arguments);
        Path commands = EMBEDDED.resolve(arguments.get(option + 1).replace("${project.basedir}/", ""));
        List<String> lines = Files.readAllLines(commands).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertTrue(lines.contains("set configs.config.server-config.network-config.network-listeners.network-listener."
                + "http-listener.address=" + ADDRESS_PROPERTY), lines.toString());
        // Payara resolves the property from the JVM's system properties, which must therefore carry it
        int property = arguments.indexOf("-Dsmartcc.http.address=" + ADDRESS_PROPERTY);
        assertTrue(property >= 0 && property < arguments.indexOf("-jar"),
                "the JVM needs -Dsmartcc.http.address before -jar: " + arguments);
    }

    @Test
    void theListenerNamedIsPayaraMicrosOnlyHttpListener() throws Exception {
        try (InputStream in = EmbeddedRunBindingTest.class.getResourceAsStream("/MICRO-INF/domain/domain.xml")) {
            assertNotNull(in, "payara-micro is on the test class path");
            Document domain = parse(in);
            assertEquals("8080", XPathFactory.newInstance().newXPath().evaluate(
                    "//network-listener[@name='http-listener' and @enabled='true']/@port", domain));
            assertEquals("1", XPathFactory.newInstance().newXPath().evaluate(
                    "count(//network-listener[@enabled='true'])", domain));
        }
    }

    @Test
    void hazelcastDoesNotListen() {
        // --nocluster alone keeps Hazelcast listening on port 6900 of every interface
        assertTrue(arguments.contains("--nohazelcast"), arguments.toString());
    }

    @Test
    void eachRunStartsFromAnEmptyPayaraRootFolder() throws Exception {
        // a root folder kept from the last run makes Payara Micro deploy that run's WARs too (the database opened twice)
        String root = arguments.get(arguments.indexOf("--rootdir") + 1);
        assertEquals(root, xpath("//execution[id='fresh-payara-micro-root']/configuration/filesets/fileset/directory"));
        assertEquals("prepare-package", xpath("//execution[id='fresh-payara-micro-root']/phase"));
    }

    @Test
    void theExampleRestAppIsDeployedBesideTheContainerAtTheContextRootOfItsManifest() {
        // rest-demographics.json names {{public_url}}/example-rest-app/...; the reactor builds the WAR first
        int option = arguments.indexOf("${project.basedir}/../example-rest-app/target/example-rest-app.war"
                + ":/example-rest-app");
        assertTrue(option > 0 && arguments.get(option - 1).equals("--deploy"), arguments.toString());
    }

    private static String xpath(String expression) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expression, pom);
    }

    private static Document parse(InputStream in) throws Exception {
        try (in) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(in);
        }
    }
}
