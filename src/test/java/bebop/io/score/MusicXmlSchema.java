package bebop.io.score;

import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The official MusicXML 4.0 XSD from the test resources (musicxml-4.0/SOURCE.md): the JDK's validator
 * needs xml.xsd and xlink.xsd passed before musicxml.xsd, as it does not follow the relative import.
 */
public final class MusicXmlSchema {
    private static Schema schema;

    private MusicXmlSchema() {}

    public static synchronized Schema get() throws SAXException {
        if (schema == null) {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            schema = f.newSchema(new Source[] {source("xml.xsd"), source("xlink.xsd"), source("musicxml.xsd")});
        }
        return schema;
    }

    /** Validates a MusicXML document; throws with the line and the schema's message when it is not valid. */
    public static void validate(String xml) throws Exception {
        var v = get().newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        v.validate(new StreamSource(new StringReader(xml)));
    }

    private static Source source(String name) {
        URL url = MusicXmlSchema.class.getResource("/musicxml-4.0/" + name);
        if (url == null) {
            throw new IllegalStateException("test resource musicxml-4.0/" + name + " is missing");
        }
        return new StreamSource(url.toExternalForm());
    }
}
