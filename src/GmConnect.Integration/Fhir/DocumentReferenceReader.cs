using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hl7.Fhir.Model;

namespace GmConnect.Integration.Fhir;

/// <summary>
/// A fast reader for the <c>DocumentReference</c>s bulk files carry, for the elements the Record Locator keeps
/// (docs/adr/0014). It only ever <em>accepts</em>: when every element of an entry is one it models, of the JSON type
/// and the lexical form the FHIR type allows (narrower than the SDK where that keeps the proof simple), it builds the
/// same <see cref="DocumentReference"/> the Firely SDK's strict parser would and the digest of the bytes the SDK's
/// serialiser would write. Anything else — an unknown element, an extension, an escaped string, a date with a
/// time, a duplicate property, bad JSON — returns false and the importer parses that entry with the SDK, which gives
/// the verdict and the words of the refusal. So verdicts never differ; the parser may.
/// </summary>
/// <remarks>
/// The canonical bytes follow the order of the R4 element definitions, as the SDK's serialiser does, and use its
/// string encoder; <c>DocumentReferenceReaderAgreementTests</c> checks both (the POCO and the digest) against the SDK
/// over a corpus of valid, invalid and edge-case entries.
/// </remarks>
internal static class DocumentReferenceReader
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = FhirJson.Options.Encoder ?? JavaScriptEncoder.Default, SkipValidation = true };

    /// <summary>Reads <paramref name="json"/> if it can prove it fine; else false (parse it with the SDK).</summary>
    public static bool TryRead(string json, out DocumentReference? resource, out string? hash)
    {
        resource = null;
        hash = null;
        var length = Encoding.UTF8.GetMaxByteCount(json.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(json, buffer);
            var reader = new Utf8JsonReader(buffer.AsSpan(0, written), new JsonReaderOptions { MaxDepth = 16 });
            var read = new DocumentReference();
            if (!ReadResource(ref reader, read) || reader.Read())
            {
                return false;
            }

            resource = read;
            hash = Digest(read);
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // Bad JSON, or JSON the reader does not model: the SDK says what is wrong with it.
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool ReadResource(ref Utf8JsonReader reader, DocumentReference resource)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        // resourceType first: the common shape, and it spares a proof about where else the SDK looks for it.
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("resourceType"u8)
            || !reader.Read() || reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("DocumentReference"u8))
        {
            return false;
        }

        var seen = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                // Status and content are required (1..1, 1..*): without them the SDK has something to say.
                return resource.Status is not null && resource.Content.Count > 0;
            }

            var bit = Property(ref reader);
            if (bit == 0 || (seen & bit) != 0 || !reader.Read())
            {
                return false;
            }

            seen |= bit;
            var ok = bit switch
            {
                Id => Text(ref reader, Lexical.Id) is { } id && Set(() => resource.Id = id),
                MasterIdentifier => ReadIdentifier(ref reader) is { } master && Set(() => resource.MasterIdentifier = master),
                Status => Text(ref reader, Lexical.Code) is { } status && StatusOf(status) is { } value && Set(() => resource.Status = value),
                Type => ReadConcept(ref reader) is { } type && Set(() => resource.Type = type),
                Category => ReadConcepts(ref reader) is { } categories && Set(() => resource.Category = categories),
                Subject => ReadIdentifierReference(ref reader) is { } subject && Set(() => resource.Subject = subject),
                Custodian => ReadIdentifierReference(ref reader) is { } custodian && Set(() => resource.Custodian = custodian),
                Description => Text(ref reader, Lexical.String) is { } description && Set(() => resource.Description = description),
                SecurityLabel => ReadConcepts(ref reader) is { } labels && Set(() => resource.SecurityLabel = labels),
                Content => ReadContent(ref reader) is { } content && Set(() => resource.Content = content),
                Context => ReadContext(ref reader) is { } context && Set(() => resource.Context = context),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return false;
    }

    private static readonly byte[][] SystemValueNames = ["system"u8.ToArray(), "value"u8.ToArray()];
    private static readonly byte[][] IdentifierNames = ["identifier"u8.ToArray()];
    private static readonly byte[][] SystemCodeDisplayNames = ["system"u8.ToArray(), "code"u8.ToArray(), "display"u8.ToArray()];
    private static readonly byte[][] CodingNames = ["coding"u8.ToArray()];
    private static readonly byte[][] AttachmentNames = ["attachment"u8.ToArray()];
    private static readonly byte[][] ContentTypeUrlSizeTitleNames = ["contentType"u8.ToArray(), "url"u8.ToArray(), "size"u8.ToArray(), "title"u8.ToArray()];
    private static readonly byte[][] PeriodNames = ["period"u8.ToArray()];
    private static readonly byte[][] StartEndNames = ["start"u8.ToArray(), "end"u8.ToArray()];

    private const int Id = 1, MasterIdentifier = 2, Status = 4, Type = 8, Category = 16, Subject = 32, Custodian = 64,
        Description = 128, SecurityLabel = 256, Content = 512, Context = 1024;

    private static int Property(ref Utf8JsonReader reader) =>
        reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped ? 0
        : reader.ValueTextEquals("id"u8) ? Id
        : reader.ValueTextEquals("masterIdentifier"u8) ? MasterIdentifier
        : reader.ValueTextEquals("status"u8) ? Status
        : reader.ValueTextEquals("type"u8) ? Type
        : reader.ValueTextEquals("category"u8) ? Category
        : reader.ValueTextEquals("subject"u8) ? Subject
        : reader.ValueTextEquals("custodian"u8) ? Custodian
        : reader.ValueTextEquals("description"u8) ? Description
        : reader.ValueTextEquals("securityLabel"u8) ? SecurityLabel
        : reader.ValueTextEquals("content"u8) ? Content
        : reader.ValueTextEquals("context"u8) ? Context
        : 0;

    private static bool Set(Action assign)
    {
        assign();
        return true;
    }

    private static DocumentReferenceStatus? StatusOf(string code) => code switch
    {
        "current" => DocumentReferenceStatus.Current,
        "superseded" => DocumentReferenceStatus.Superseded,
        "entered-in-error" => DocumentReferenceStatus.EnteredInError,
        _ => null,
    };

    /// <summary>Reads the value of the property at <paramref name="index"/> of the object's allowed names.</summary>
    private delegate bool PropertyReader(ref Utf8JsonReader reader, int index);

    /// <summary>An object whose properties are all in <paramref name="names"/>, each once, at least one; calls <paramref name="each"/> per property.</summary>
    private static bool ReadObject(ref Utf8JsonReader reader, byte[][] names, PropertyReader each)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                // {} is an element with nothing in it: the SDK's business.
                return seen != 0;
            }

            if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped)
            {
                return false;
            }

            var index = -1;
            for (var i = 0; i < names.Length; i++)
            {
                if (reader.ValueTextEquals(names[i]))
                {
                    index = i;
                    break;
                }
            }

            if (index < 0 || (seen & (1 << index)) != 0 || !reader.Read() || !each(ref reader, index))
            {
                return false;
            }

            seen |= 1 << index;
        }

        return false;
    }

    private static Identifier? ReadIdentifier(ref Utf8JsonReader reader)
    {
        var identifier = new Identifier();
        return ReadObject(ref reader, SystemValueNames, (ref Utf8JsonReader r, int i) => i == 0
            ? Text(ref r, Lexical.Uri) is { } system && Set(() => identifier.System = system)
            : Text(ref r, Lexical.String) is { } value && Set(() => identifier.Value = value))
            ? identifier : null;
    }

    private static ResourceReference? ReadIdentifierReference(ref Utf8JsonReader reader)
    {
        var reference = new ResourceReference();
        return ReadObject(ref reader, IdentifierNames, (ref Utf8JsonReader r, int _) =>
            ReadIdentifier(ref r) is { } identifier && Set(() => reference.Identifier = identifier))
            ? reference : null;
    }

    private static Coding? ReadCoding(ref Utf8JsonReader reader)
    {
        var coding = new Coding();
        return ReadObject(ref reader, SystemCodeDisplayNames, (ref Utf8JsonReader r, int i) => i switch
        {
            0 => Text(ref r, Lexical.Uri) is { } system && Set(() => coding.System = system),
            1 => Text(ref r, Lexical.Code) is { } code && Set(() => coding.Code = code),
            _ => Text(ref r, Lexical.String) is { } display && Set(() => coding.Display = display),
        }) ? coding : null;
    }

    private static CodeableConcept? ReadConcept(ref Utf8JsonReader reader)
    {
        var concept = new CodeableConcept();
        return ReadObject(ref reader, CodingNames, (ref Utf8JsonReader r, int _) =>
            ReadArray(ref r, concept.Coding, ReadCoding)) ? concept : null;
    }

    private static List<CodeableConcept>? ReadConcepts(ref Utf8JsonReader reader)
    {
        var concepts = new List<CodeableConcept>();
        return ReadArray(ref reader, concepts, ReadConcept) ? concepts : null;
    }

    private delegate T? ItemReader<T>(ref Utf8JsonReader reader) where T : class;

    /// <summary>A non-empty array of items, none null.</summary>
    private static bool ReadArray<T>(ref Utf8JsonReader reader, List<T> into, ItemReader<T> item) where T : class
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return into.Count > 0;
            }

            if (item(ref reader) is not { } value)
            {
                return false;
            }

            into.Add(value);
        }

        return false;
    }

    private static List<DocumentReference.ContentComponent>? ReadContent(ref Utf8JsonReader reader)
    {
        var content = new List<DocumentReference.ContentComponent>();
        return ReadArray(ref reader, content, static (ref Utf8JsonReader r) =>
        {
            var component = new DocumentReference.ContentComponent();
            return ReadObject(ref r, AttachmentNames, (ref Utf8JsonReader a, int _) =>
                ReadAttachment(ref a) is { } attachment && Set(() => component.Attachment = attachment)) ? component : null;
        }) ? content : null;
    }

    private static Attachment? ReadAttachment(ref Utf8JsonReader reader)
    {
        var attachment = new Attachment();
        return ReadObject(ref reader, ContentTypeUrlSizeTitleNames, (ref Utf8JsonReader r, int i) => i switch
        {
            0 => Text(ref r, Lexical.Code) is { } type && Set(() => attachment.ContentType = type),
            1 => Text(ref r, Lexical.Uri) is { } url && Set(() => attachment.Url = url),
            2 => UnsignedInt(ref r) is { } size && Set(() => attachment.SizeElement = new UnsignedInt(size)),
            _ => Text(ref r, Lexical.String) is { } title && Set(() => attachment.Title = title),
        }) ? attachment : null;
    }

    private static DocumentReference.ContextComponent? ReadContext(ref Utf8JsonReader reader)
    {
        var context = new DocumentReference.ContextComponent();
        return ReadObject(ref reader, PeriodNames, (ref Utf8JsonReader r, int _) =>
        {
            var period = new Period();
            return ReadObject(ref r, StartEndNames, (ref Utf8JsonReader p, int i) =>
                Text(ref p, Lexical.Day) is { } day && Set(() =>
                {
                    if (i == 0)
                    {
                        period.Start = day;
                    }
                    else
                    {
                        period.End = day;
                    }
                }))
                && Set(() => context.Period = period);
        }) ? context : null;
    }

    private enum Lexical
    {
        /// <summary>FHIR string: not empty; here also no surrounding whitespace.</summary>
        String,

        /// <summary>FHIR code (no whitespace at all here, and ASCII).</summary>
        Code,

        /// <summary>FHIR uri/url: a narrow set of ASCII characters, and a URI to <see cref="System.Uri"/>.</summary>
        Uri,

        /// <summary>FHIR id: [A-Za-z0-9\-.]{1,64}.</summary>
        Id,

        /// <summary>A FHIR dateTime that is a whole calendar day, YYYY-MM-DD (other forms: the SDK).</summary>
        Day,
    }

    /// <summary>An unescaped JSON string of the lexical form, or null.</summary>
    private static string? Text(ref Utf8JsonReader reader, Lexical form)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return null;
        }

        var raw = reader.ValueSpan;
        if (raw.Length == 0 || raw.Length > 4096)
        {
            return null;
        }

        switch (form)
        {
            case Lexical.String:
                // Non-ASCII is allowed (the writer encodes it as the SDK does); whitespace at either end is not proven.
                if (IsSpace(raw[0]) || IsSpace(raw[^1]) || raw[0] >= 0x80 || raw[^1] >= 0x80)
                {
                    return null;
                }

                break;
            case Lexical.Code:
                foreach (var b in raw)
                {
                    if (b <= 0x20 || b >= 0x7F)
                    {
                        return null;
                    }
                }

                break;
            case Lexical.Uri:
                // The characters of RFC 3986 less '%' and '[ ]' (escapes and IPv6 hosts are the SDK's to judge), not an
                // OID or UUID URN (whose forms the SDK may check), and a URI to System.Uri as to the SDK's validator.
                foreach (var b in raw)
                {
                    if (!(char.IsAsciiLetterOrDigit((char)b) || "-._~:/?#@!$&'()*+,;=".Contains((char)b, StringComparison.Ordinal)))
                    {
                        return null;
                    }
                }

                if (raw.StartsWith("urn:oid:"u8) || raw.StartsWith("urn:uuid:"u8))
                {
                    return null;
                }

                var uri = Encoding.ASCII.GetString(raw);
                return Uri.TryCreate(uri, UriKind.RelativeOrAbsolute, out _) ? uri : null;
            case Lexical.Id:
                if (raw.Length > 64)
                {
                    return null;
                }

                foreach (var b in raw)
                {
                    if (!(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.'))
                    {
                        return null;
                    }
                }

                break;
            case Lexical.Day:
                if (raw.Length != 10 || raw[4] != '-' || raw[7] != '-'
                    || !DateOnly.TryParseExact(Encoding.ASCII.GetString(raw), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    || day.Year < 1)
                {
                    return null;
                }

                break;
        }

        return Encoding.UTF8.GetString(raw);
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>A plain non-negative JSON integer that fits an unsignedInt (digits only, no sign, exponent or leading zero).</summary>
    private static int? UnsignedInt(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || reader.HasValueSequence)
        {
            return null;
        }

        var raw = reader.ValueSpan;
        if (raw.Length is 0 or > 9 || (raw[0] == '0' && raw.Length > 1))
        {
            return null;
        }

        foreach (var b in raw)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return null;
            }
        }

        return reader.GetInt32();
    }

    /// <summary>The SHA-256 of what the SDK's serialiser writes for <paramref name="resource"/> (only the elements read above).</summary>
    private static string Digest(DocumentReference resource)
    {
        var output = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("resourceType"u8, "DocumentReference"u8);
            if (resource.Id is { } id)
            {
                writer.WriteString("id"u8, id);
            }

            if (resource.MasterIdentifier is { } master)
            {
                writer.WritePropertyName("masterIdentifier"u8);
                Write(writer, master);
            }

            writer.WriteString("status"u8, resource.Status switch
            {
                DocumentReferenceStatus.Current => "current",
                DocumentReferenceStatus.Superseded => "superseded",
                _ => "entered-in-error",
            });
            if (resource.Type is { } type)
            {
                writer.WritePropertyName("type"u8);
                Write(writer, type);
            }

            WriteConcepts(writer, "category"u8, resource.Category);
            if (resource.Subject is { } subject)
            {
                writer.WritePropertyName("subject"u8);
                Write(writer, subject);
            }

            if (resource.Custodian is { } custodian)
            {
                writer.WritePropertyName("custodian"u8);
                Write(writer, custodian);
            }

            if (resource.Description is { } description)
            {
                writer.WriteString("description"u8, description);
            }

            WriteConcepts(writer, "securityLabel"u8, resource.SecurityLabel);
            writer.WriteStartArray("content"u8);
            foreach (var content in resource.Content)
            {
                writer.WriteStartObject();
                writer.WriteStartObject("attachment"u8);
                var a = content.Attachment;
                WriteIf(writer, "contentType"u8, a.ContentType);
                WriteIf(writer, "url"u8, a.Url);
                if (a.SizeElement is UnsignedInt { Value: { } size })
                {
                    writer.WriteNumber("size"u8, size);
                }

                WriteIf(writer, "title"u8, a.Title);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (resource.Context?.Period is { } period)
            {
                writer.WriteStartObject("context"u8);
                writer.WriteStartObject("period"u8);
                WriteIf(writer, "start"u8, period.Start);
                WriteIf(writer, "end"u8, period.End);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Convert.ToBase64String(SHA256.HashData(output.WrittenSpan));
    }

    private static void WriteIf(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void Write(Utf8JsonWriter writer, Identifier identifier)
    {
        writer.WriteStartObject();
        WriteIf(writer, "system"u8, identifier.System);
        WriteIf(writer, "value"u8, identifier.Value);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, ResourceReference reference)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("identifier"u8);
        Write(writer, reference.Identifier!);
        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, CodeableConcept concept)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("coding"u8);
        foreach (var coding in concept.Coding)
        {
            writer.WriteStartObject();
            WriteIf(writer, "system"u8, coding.System);
            WriteIf(writer, "code"u8, coding.Code);
            WriteIf(writer, "display"u8, coding.Display);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteConcepts(Utf8JsonWriter writer, ReadOnlySpan<byte> name, List<CodeableConcept> concepts)
    {
        if (concepts.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var concept in concepts)
        {
            Write(writer, concept);
        }

        writer.WriteEndArray();
    }
}
