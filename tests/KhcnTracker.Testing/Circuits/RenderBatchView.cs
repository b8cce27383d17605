using System.Buffers.Binary;
using System.Text;

namespace KhcnTracker.Testing.Circuits;

/// <summary>An element a render batch creates: its component, attributes and the ids of its event handlers.</summary>
public sealed record RenderedElement(int ComponentId, string Name, IReadOnlyDictionary<string, string?> Attributes, Dictionary<string, ulong> Handlers)
{
    public string? this[string attribute] => Attributes.GetValueOrDefault(attribute);
}

/// <summary>A new handler for an event of an element already on the page (a component re-rendered with another delegate).</summary>
public sealed record HandlerChange(int ComponentId, string EventName, ulong Handler);

/// <summary>
/// What one render batch puts on the page, read the way blazor.web.js reads it (OutOfProcessRenderBatch): for each
/// component it re-rendered, the elements it inserts with their attributes and event handlers, the texts it writes,
/// the event handlers it gives to elements already there; and the handlers it disposes. Enough to find a control by
/// its <c>data-testid</c>, to click it, and to know when a page has shown something; not a DOM.
/// </summary>
public sealed class RenderBatchView
{
    private const int FrameLength = 20; // frame type, then 16 bytes whose meaning depends on the type
    private const int EditLength = 16;

    private enum FrameType { Element = 1, Text = 2, Attribute = 3, Component = 4, Region = 5, Markup = 8 }

    private enum EditType { PrependFrame = 1, SetAttribute = 3, UpdateText = 5, UpdateMarkup = 8 }

    public List<RenderedElement> Elements { get; } = [];
    public List<string> Texts { get; } = [];
    public List<HandlerChange> HandlerChanges { get; } = [];
    public List<ulong> DisposedHandlers { get; } = [];

    public RenderedElement? ByTestId(string testId) => Elements.LastOrDefault(e => e["data-testid"] == testId);

    public bool HasText(string text) => Texts.Any(t => t.Contains(text, StringComparison.Ordinal));

    public static RenderBatchView Read(byte[] data) => new Reader(data).Read();

    private sealed class Reader(byte[] data)
    {
        private readonly RenderBatchView _view = new();
        private readonly int _frames = Int(data, data.Length - 16) + 4;
        private readonly int _strings = Int(data, data.Length - 4);

        public RenderBatchView Read()
        {
            var diffs = Int(data, data.Length - 20);
            for (var d = 0; d < Int(data, diffs); d++)
            {
                var diff = Int(data, diffs + 4 + d * 4);
                var componentId = Int(data, diff);
                var editCount = Int(data, diff + 4);
                for (var e = 0; e < editCount; e++)
                {
                    var edit = diff + 8 + e * EditLength;
                    var frame = Int(data, edit + 8);
                    switch ((EditType)Int(data, edit))
                    {
                        case EditType.PrependFrame:
                            ReadSubtree(componentId, frame);
                            break;
                        case EditType.SetAttribute when Handler(frame) is > 0 and var handler:
                            _view.HandlerChanges.Add(new HandlerChange(componentId, EventName(Str(Int(data, At(frame) + 4))), handler));
                            break;
                        case EditType.UpdateText or EditType.UpdateMarkup:
                            AddText(frame);
                            break;
                    }
                }
            }

            var disposed = Int(data, data.Length - 8);
            for (var i = 0; i < Int(data, disposed); i++)
                _view.DisposedHandlers.Add(BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(disposed + 4 + i * 8, 8)));
            return _view;
        }

        /// <summary>A frame and everything under it; an element's attributes are the attribute frames right after it.</summary>
        private void ReadSubtree(int componentId, int first)
        {
            var type = (FrameType)Int(data, At(first));
            var length = type is FrameType.Element or FrameType.Region or FrameType.Component ? Int(data, At(first) + 4) : 1;
            Dictionary<string, string?>? attributes = null;
            Dictionary<string, ulong>? handlers = null;
            for (var i = first; i < first + length; i++)
            {
                var frame = At(i);
                var frameType = (FrameType)Int(data, frame);
                if (frameType != FrameType.Attribute) attributes = null;
                switch (frameType)
                {
                    case FrameType.Element:
                        attributes = [];
                        handlers = [];
                        _view.Elements.Add(new RenderedElement(componentId, Str(Int(data, frame + 8)) ?? "", attributes, handlers));
                        break;
                    case FrameType.Attribute when attributes is not null:
                        var name = Str(Int(data, frame + 4)) ?? "";
                        if (Handler(i) is > 0 and var handler) handlers![EventName(name)] = handler;
                        else attributes[name] = Str(Int(data, frame + 8));
                        break;
                    case FrameType.Text or FrameType.Markup:
                        AddText(i);
                        break;
                    case FrameType.Component:
                        i += Int(data, frame + 4) - 1; // a child component's content comes in its own diff
                        break;
                }
            }
        }

        private void AddText(int index)
        {
            if (Str(Int(data, At(index) + 4)) is { Length: > 0 } text) _view.Texts.Add(text);
        }

        private ulong Handler(int index) => (FrameType)Int(data, At(index)) == FrameType.Attribute
            ? BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(At(index) + 12, 8))
            : 0;

        private int At(int index) => _frames + index * FrameLength;

        private string? Str(int index)
        {
            if (index < 0) return null;
            var at = Int(data, _strings + index * 4);
            int length = 0, shift = 0, b;
            do { b = data[at++]; length |= (b & 0x7f) << shift; shift += 7; } while (b >= 0x80);
            return Encoding.UTF8.GetString(data, at, length);
        }

        private static string EventName(string? attribute) =>
            attribute is { Length: > 2 } a && a.StartsWith("on", StringComparison.Ordinal) ? a[2..] : attribute ?? "";

        private static int Int(byte[] data, int at) => BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(at, 4));
    }
}
