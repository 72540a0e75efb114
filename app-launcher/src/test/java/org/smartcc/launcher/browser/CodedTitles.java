package org.smartcc.launcher.browser;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The titles of the coded values in an RDF/XML answer of the API (drug names are RxNorm codes, problems SNOMED). */
final class CodedTitles {

    static final String RXNORM = "http://purl.bioontology.org/ontology/RXNORM/";
    static final String SNOMED = "http://purl.bioontology.org/ontology/SNOMEDCT/";
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String DCTERMS = "http://purl.org/dc/terms/";

    private CodedTitles() {
    }

    /** The dcterms:title of every resource whose URI starts with {@code system}, in document order, distinct. */
    static List<String> of(String rdfXml, String system) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            NodeList all = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(rdfXml.getBytes(StandardCharsets.UTF_8)))
                    .getElementsByTagName("*");
            List<String> titles = new ArrayList<>();
            for (int i = 0; i < all.getLength(); i++) {
                Element element = (Element) all.item(i);
                if (element.getAttributeNS(RDF, "about").startsWith(system)) {
                    NodeList title = element.getElementsByTagNameNS(DCTERMS, "title");
                    if (title.getLength() > 0 && !titles.contains(title.item(0).getTextContent().trim())) {
                        titles.add(title.item(0).getTextContent().trim());
                    }
                }
            }
            return titles;
        } catch (Exception e) {
            throw new IllegalStateException("the API's answer is not RDF/XML: " + e.getMessage(), e);
        }
    }
}
