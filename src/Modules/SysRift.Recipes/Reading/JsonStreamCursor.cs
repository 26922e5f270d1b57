using System.Text.Json;
using System.Text.Json.Nodes;

namespace SysRift.Recipes.Reading;

/// <summary>
/// Reads JSON from a stream one token at a time, and whole values (an object, an array) as nodes. It holds one
/// buffer, as large as the largest value read whole, never the whole input, so a recipe's items can be read one
/// after the other. A place in the input (<see cref="Checkpoint"/>) can be returned to with a new cursor.
/// </summary>
internal sealed class JsonStreamCursor : IDisposable
{
    private const int InitialBufferBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly int _maxValueBytes;
    private readonly JsonNodeOptions _nodeOptions;
    private readonly JsonDocumentOptions _documentOptions;
    private byte[] _buffer = new byte[InitialBufferBytes];
    private long _bufferOffset;
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state;

    // Where the current token began to be read, so that a value can be read whole from its first token.
    private int _tokenReadFrom;
    private JsonReaderState _stateBeforeToken;
    private JsonNode? _primitive;

    public JsonStreamCursor(Stream stream, JsonReaderOptions readerOptions, JsonNodeOptions nodeOptions, JsonDocumentOptions documentOptions, int maxValueBytes, Checkpoint? from = null)
    {
        _stream = stream;
        _maxValueBytes = maxValueBytes;
        _nodeOptions = nodeOptions;
        _documentOptions = documentOptions;
        if (from is { } checkpoint)
        {
            _stream.Seek(checkpoint.Offset, SeekOrigin.Begin);
            _bufferOffset = checkpoint.Offset;
            _state = checkpoint.State;
        }
        else
        {
            _state = new JsonReaderState(readerOptions);
            SkipByteOrderMark();
        }
    }

    /// <summary>A place between two tokens: the offset in the input and the reader's state there.</summary>
    public readonly record struct Checkpoint(long Offset, JsonReaderState State);

    public JsonTokenType TokenType { get; private set; }

    /// <summary>A property name or a string value; null for other tokens.</summary>
    public string? Text { get; private set; }

    /// <summary>Where reading the current token began: a new cursor from here reads this token first.</summary>
    public Checkpoint BeforeToken => new(_bufferOffset + _tokenReadFrom, _stateBeforeToken);

    /// <summary>Moves to the next token; false at the end of the input. Syntax errors throw <see cref="JsonException"/> with the line.</summary>
    public bool Read()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            if (reader.Read())
            {
                _tokenReadFrom = _start;
                _stateBeforeToken = _state;
                TokenType = reader.TokenType;
                Text = TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
                _primitive = TokenType switch
                {
                    JsonTokenType.String => JsonValue.Create(Text),
                    JsonTokenType.Number => JsonNode.Parse(reader.ValueSpan, _nodeOptions),
                    JsonTokenType.True => JsonValue.Create(true),
                    JsonTokenType.False => JsonValue.Create(false),
                    _ => null,
                };
                Consume(ref reader);
                return true;
            }

            Consume(ref reader);
            if (_final) return false;
            Fill();
        }
    }

    /// <summary>The value that begins with the current token, read whole; the cursor moves to its last token.</summary>
    public JsonNode? ReadValue() => ReadWhole(parse: true);

    /// <summary>Passes over the value that begins with the current token.</summary>
    public void SkipValue() => ReadWhole(parse: false);

    private JsonNode? ReadWhole(bool parse)
    {
        if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return _primitive;

        // Read the value again from its first token, with more of the input each time until it is all there.
        _start = _tokenReadFrom;
        _state = _stateBeforeToken;
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            reader.Read();
            var valueStart = (int)reader.TokenStartIndex;
            if (reader.TrySkip())
            {
                var value = parse ? JsonNode.Parse(_buffer.AsSpan(_start + valueStart, (int)reader.BytesConsumed - valueStart), _nodeOptions, _documentOptions) : null;
                TokenType = reader.TokenType;
                Text = null;
                Consume(ref reader);
                return value;
            }

            Fill();
        }
    }

    private void Consume(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    /// <summary>Keeps the unread bytes, reads more after them, and grows the buffer when a value needs it.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _bufferOffset += _start;
            _tokenReadFrom -= _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maxValueBytes) throw new RecipeValueTooLargeException(_maxValueBytes);
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, _maxValueBytes));
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _final = true;
        _end += read;
    }

    /// <summary>Editors on Windows save UTF-8 with a byte order mark, which the JSON reader does not accept.</summary>
    private void SkipByteOrderMark()
    {
        Fill();
        while (!_final && _end < 3) Fill();
        if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8)) _start = 3;
    }

    public void Dispose() => _stream.Dispose();
}

/// <summary>One value (a step, an item) is larger than the reader holds at once.</summary>
public sealed class RecipeValueTooLargeException(int maxBytes) : Exception($"a single value is larger than {maxBytes / (1024 * 1024)} MB")
{
    public int MaxBytes { get; } = maxBytes;
}
