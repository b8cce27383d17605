using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KhcnTracker.Testing.Circuits;

/// <summary>
/// One person's interactive session without a browser: it loads a page over HTTP with the person's sign-in cookie,
/// opens the page's Blazor circuit over SignalR exactly as blazor.web.js does (start the circuit, add the prerendered
/// root components, acknowledge every render batch, answer the server's JavaScript calls), then clicks, types and
/// navigates inside the circuit. A few kilobytes per session instead of a browser's hundreds of megabytes, so that
/// hundreds of sessions fit on the machine that also runs the server.
/// </summary>
public sealed partial class CircuitSession : IAsyncDisposable
{
    /// <summary>How often each JavaScript function was called by the server, over every session (what the pages use).</summary>
    public static ConcurrentDictionary<string, int> InteropCalls { get; } = new();

    private readonly HubConnection _hub;
    private readonly Uri _root;
    private readonly CookieContainer _cookies;
    private string? _circuitSecret;
    private readonly object _gate = new();
    private readonly Dictionary<string, RenderedElement> _byTestId = [];
    private readonly HashSet<ulong> _liveHandlers = [];
    private readonly List<Expectation> _expectations = [];
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _dotNetCalls = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<bool>> _locationChanging = new();
    private readonly TaskCompletionSource _interopReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _rendererObject;
    private long _nextCallId;
    private bool _hasLocationChangingListeners;
    private bool _closing;

    /// <summary>What went wrong in this session: circuit errors, failed events, a connection lost.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    public string Url { get; private set; }

    private CircuitSession(Uri root, string url, CookieContainer cookies)
    {
        _root = root;
        _cookies = cookies;
        Url = url;
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(root, "_blazor"), options =>
            {
                options.Cookies = cookies;
                options.Transports = HttpTransportType.WebSockets;
            });
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        _hub = builder.Build();
        _hub.On<long, byte[]>("JS.RenderBatch", OnRenderBatch);
        _hub.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnBeginInvokeJS);
        _hub.On<string, bool, string>("JS.EndInvokeDotNet", (callId, ok, result) =>
        {
            if (_dotNetCalls.TryRemove(callId, out var call))
            {
                if (ok) call.TrySetResult(result); else call.TrySetException(new InvalidOperationException(result));
            }
        });
        _hub.On<int, bool>("JS.EndLocationChanging", (callId, proceed) => { if (_locationChanging.TryRemove(callId, out var c)) c.TrySetResult(proceed); });
        _hub.On<string>("JS.Error", error => Errors.Enqueue($"circuit error: {error}"));
        _hub.On<long>("JS.EndUpdateRootComponents", _ => { });
        _hub.Closed += error =>
        {
            if (!_closing) Errors.Enqueue($"connection closed: {error?.Message ?? "by the server"}");
            return Task.CompletedTask;
        };
    }

    /// <summary>Loads <paramref name="path"/> as a browser does and opens its circuit; returns once the page is interactive.</summary>
    public static async Task<CircuitSession> OpenAsync(string rootUrl, string path, CookieContainer cookies, TimeSpan timeout)
    {
        var root = new Uri(rootUrl.TrimEnd('/') + "/");
        var url = new Uri(root, path.TrimStart('/')).ToString();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        var html = await http.GetStringAsync(url);
        var markers = ComponentMarker().Matches(html).Select(m => JsonNode.Parse(m.Groups[1].Value)!)
            .Where(m => (string?)m["type"] == "server").ToList();
        if (markers.Count == 0) throw new InvalidOperationException($"{path} has no interactive server components (signed out?)");
        var state = ServerState().Match(html) is { Success: true } s ? s.Groups[1].Value : "";

        var session = new CircuitSession(root, url, cookies);
        using var cancel = new CancellationTokenSource(timeout);
        await session._hub.StartAsync(cancel.Token);
        var circuit = session._circuitSecret = await session._hub.InvokeAsync<string?>("StartCircuit", root.ToString(), url, "[]", state, cancel.Token);
        if (circuit is null) throw new InvalidOperationException($"the server refused to start a circuit for {path}");
        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray(markers.Select((marker, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker.DeepClone(),
            }).ToArray()),
        };
        await session._hub.SendAsync("UpdateRootComponents", operations.ToJsonString(), state, cancel.Token);
        await session._interopReady.Task.WaitAsync(cancel.Token);
        return session;
    }

    /// <summary>Runs <paramref name="act"/> and waits until the batches rendered since show what <paramref name="shows"/> asks.</summary>
    public async Task<TimeSpan> TimedAsync(Func<Task> act, Func<IReadOnlyList<RenderBatchView>, bool> shows, TimeSpan timeout)
    {
        var expectation = new Expectation(shows);
        lock (_gate) _expectations.Add(expectation);
        var start = Stopwatch.GetTimestamp();
        try
        {
            await act();
            lock (_gate) expectation.Check(); // what the page already shows may be enough
            await expectation.Done.Task.WaitAsync(timeout);
            return Stopwatch.GetElapsedTime(start);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{new Uri(Url).PathAndQuery}: not shown within {timeout.TotalSeconds:N0} s ({expectation.Seen})");
        }
        finally
        {
            lock (_gate) _expectations.Remove(expectation);
        }
    }

    /// <summary>A link followed inside the circuit, as blazor.web.js reports an intercepted click on a link.</summary>
    public async Task NavigateAsync(string path, bool intercepted = true)
    {
        var uri = new Uri(_root, path.TrimStart('/')).ToString();
        if (_hasLocationChangingListeners)
        {
            var callId = (int)Interlocked.Increment(ref _nextCallId);
            var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _locationChanging[callId] = answer;
            await _hub.SendAsync("OnLocationChanging", callId, uri, null, intercepted);
            if (!await answer.Task.WaitAsync(TimeSpan.FromSeconds(30))) return;
        }
        Url = uri;
        await _hub.SendAsync("OnLocationChanged", uri, null, intercepted);
    }

    public Task ClickAsync(string testId) => DispatchAsync(testId, "click", new JsonObject
    {
        ["detail"] = 1, ["screenX"] = 0, ["screenY"] = 0, ["clientX"] = 0, ["clientY"] = 0, ["offsetX"] = 0, ["offsetY"] = 0,
        ["pageX"] = 0, ["pageY"] = 0, ["movementX"] = 0, ["movementY"] = 0, ["button"] = 0, ["buttons"] = 0,
        ["ctrlKey"] = false, ["shiftKey"] = false, ["altKey"] = false, ["metaKey"] = false, ["type"] = "click",
    });

    /// <summary>Text typed into a field and the field left: the field's input event if it listens to typing, else its change event.</summary>
    /// <remarks>Returns once the server has handled the typing, and so has sent the page's redraw before anything
    /// the person does next — as a person sees what they typed before they click.</remarks>
    public async Task TypeAsync(string testId, string text)
    {
        bool listensToTyping;
        lock (_gate) listensToTyping = Find(testId).Handlers.ContainsKey("input");
        var handled = await DispatchAsync(testId, listensToTyping ? "input" : "change", new JsonObject { ["value"] = text });
        await handled.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>The control's latest rendering, as the page shows it now.</summary>
    private RenderedElement Find(string testId)
    {
        lock (_gate)
        {
            return _byTestId.TryGetValue(testId, out var element)
                ? element
                : throw new InvalidOperationException($"'{testId}' is not on {Url}");
        }
    }

    /// <summary>The id the server gave the control's handler for <paramref name="eventName"/> (disposed when the control goes).</summary>
    public ulong HandlerOf(string testId, string eventName)
    {
        lock (_gate) return Find(testId).Handlers[eventName];
    }

    public bool IsShown(string testId)
    {
        lock (_gate) return _byTestId.ContainsKey(testId);
    }

    /// <summary>The controls rendered so far whose <c>data-testid</c> starts with <paramref name="prefix"/> and that are still live.</summary>
    public List<string> ShownTestIds(string prefix)
    {
        lock (_gate)
        {
            return _byTestId.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal) && e.Value.Handlers.Values.All(_liveHandlers.Contains))
                .Select(e => e.Key).ToList();
        }
    }

    private async Task<Task> DispatchAsync(string testId, string eventName, JsonObject eventArgs)
    {
        ulong handler;
        lock (_gate)
        {
            if (!Find(testId).Handlers.TryGetValue(eventName, out handler))
                throw new InvalidOperationException($"'{testId}' does not listen to {eventName}");
            if (!_liveHandlers.Contains(handler)) throw new InvalidOperationException($"'{testId}' was taken off the page");
        }
        return await DispatchAsync(handler, eventName, eventArgs, testId);
    }

    /// <summary>
    /// An event sent for handler <paramref name="handler"/>, whether or not this page ever had it (a forged event).
    /// Returns once sent; the task it returns ends when the server has handled the event.
    /// </summary>
    public async Task<Task> DispatchAsync(ulong handler, string eventName, JsonObject eventArgs, string? testId = null)
    {
        var descriptor = new JsonObject { ["eventHandlerId"] = handler, ["eventName"] = eventName, ["eventFieldInfo"] = null };
        var callId = Interlocked.Increment(ref _nextCallId).ToString();
        // Like the browser, the session goes on while the handler runs (a handler that opens a dialog ends only when
        // the dialog closes); a handler that fails is reported when the server says so.
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _dotNetCalls[callId] = done;
        _ = done.Task.ContinueWith(t => Errors.Enqueue($"{eventName} on {testId ?? handler.ToString()}: {t.Exception!.InnerException!.Message}"),
            TaskContinuationOptions.OnlyOnFaulted);
        await _hub.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", _rendererObject,
            new JsonArray(descriptor, eventArgs).ToJsonString());
        return done.Task;
    }

    private async Task OnRenderBatch(long batchId, byte[] data)
    {
        string? error = null;
        try
        {
            var view = RenderBatchView.Read(data);
            lock (_gate)
            {
                foreach (var element in view.Elements)
                {
                    foreach (var handler in element.Handlers.Values) _liveHandlers.Add(handler);
                    if (element["data-testid"] is { } testId) _byTestId[testId] = element;
                }
                // A control re-rendered with a new delegate keeps its element and gets a new handler id: the one element
                // of that component listening to that event is the one that changed.
                foreach (var change in view.HandlerChanges)
                {
                    _liveHandlers.Add(change.Handler);
                    var owners = _byTestId.Values.Where(e => e.ComponentId == change.ComponentId && e.Handlers.ContainsKey(change.EventName)).ToList();
                    if (owners.Count == 1) owners[0].Handlers[change.EventName] = change.Handler;
                }
                foreach (var disposed in view.DisposedHandlers) _liveHandlers.Remove(disposed);
                foreach (var expectation in _expectations) expectation.See(view);
            }
        }
        catch (Exception e)
        {
            error = e.Message;
            Errors.Enqueue($"render batch {batchId} unreadable: {e.Message}");
        }
        await _hub.SendAsync("OnRenderCompleted", batchId, error);
    }

    private async Task OnBeginInvokeJS(long asyncHandle, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        InteropCalls.AddOrUpdate(identifier, 1, (_, n) => n + 1);
        var result = "null";
        switch (identifier)
        {
            case "Blazor._internal.attachWebRendererInterop":
                _rendererObject = JsonNode.Parse(argsJson)![1]!["__dotNetObject"]!.GetValue<long>();
                _interopReady.TrySetResult();
                break;
            case "Blazor._internal.navigationManager.setHasLocationChangingListeners":
                _hasLocationChangingListeners = JsonNode.Parse(argsJson)![1]!.GetValue<bool>();
                break;
            case "Blazor._internal.navigationManager.navigateTo":
                // The server navigates (a card, a button): the browser follows and reports the new location.
                var target = (string)JsonNode.Parse(argsJson)![0]!;
                _ = Task.Run(() => NavigateAsync(new Uri(new Uri(Url), target).PathAndQuery, intercepted: false));
                break;
            case "Blazor._internal.PageTitle.getAndRemoveExistingTitle":
                result = "\"\"";
                break;
        }
        if (asyncHandle != 0)
            await _hub.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle},true,{result}]");
    }

    /// <summary>The tab closed: the connection ends and, as blazor.web.js does, the server is told to drop the circuit now
    /// rather than keep it for a reconnection that will not come.</summary>
    public async ValueTask DisposeAsync()
    {
        _closing = true;
        await _hub.DisposeAsync();
        if (_circuitSecret is null) return;
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies });
        using var form = new MultipartFormDataContent { { new StringContent(_circuitSecret), "circuitId" } };
        await http.PostAsync(new Uri(_root, "_blazor/disconnect"), form);
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex ComponentMarker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex ServerState();

    /// <summary>Waits for the batches since an action to show something.</summary>
    private sealed class Expectation(Func<IReadOnlyList<RenderBatchView>, bool> shows)
    {
        private readonly List<RenderBatchView> _seen = [];
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>What the batches since the action showed, for the message when the expected never came.</summary>
        public string Seen
        {
            get
            {
                lock (_seen)
                {
                    var testIds = _seen.SelectMany(v => v.Elements).Select(e => e["data-testid"]).OfType<string>().Distinct().Take(12);
                    return $"{_seen.Count} render batches since; controls shown: {string.Join(", ", testIds)}";
                }
            }
        }

        public void Check()
        {
            lock (_seen)
                if (!Done.Task.IsCompleted && shows(_seen)) Done.TrySetResult();
        }

        public void See(RenderBatchView view)
        {
            lock (_seen) _seen.Add(view);
            Check();
        }
    }
}
