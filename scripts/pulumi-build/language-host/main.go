// Command pulumi-language-nodejs is the Node.js language host that scripts/pulumi builds when the
// Go module of Pulumi's own host is not served. It answers the engine's LanguageRuntime calls and
// runs a program the way Pulumi's host does: `node <@pulumi/pulumi>/cmd/run <flags> <program>`,
// resolved from the program's own node_modules, with the stack config in PULUMI_CONFIG. The program
// runner, the resource monitor and the engine are Pulumi's; this file only starts the runner.
//
// Not implemented (the engine copes, or they are commands this project does not use): plugin
// discovery for provider packages (GetRequiredPackages answers none, so non-dynamic providers must
// be installed with `pulumi plugin install`), `pulumi new` templates, code generation, debugging.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"

	pbempty "google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

// version is set at build time to the CLI version it is built with.
var version = "0.0.0"

// exitAfterReportedError is the code @pulumi/pulumi/cmd/run exits with after it has reported the
// error itself; the engine must then print nothing more (a bail).
const exitAfterReportedError = 32

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
}

func (h *host) GetPluginInfo(context.Context, *pbempty.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

func (h *host) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *host) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *host) GetProgramDependencies(
	context.Context, *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	return &pulumirpc.GetProgramDependenciesResponse{}, nil
}

func (h *host) About(context.Context, *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, err
	}
	out, err := exec.Command(node, "--version").Output()
	if err != nil {
		return nil, err
	}
	return &pulumirpc.AboutResponse{Executable: node, Version: strings.TrimSpace(string(out))}, nil
}

// runOptions are the Pulumi.yaml runtime options this host honours.
type runOptions struct {
	nodeArgs   []string
	typescript *bool
	tsconfig   string
}

func optionsOf(info *pulumirpc.ProgramInfo) runOptions {
	var opts runOptions
	if info == nil || info.Options == nil {
		return opts
	}
	m := info.Options.AsMap()
	if s, ok := m["nodeargs"].(string); ok {
		opts.nodeArgs = strings.Fields(s)
	}
	if b, ok := m["typescript"].(bool); ok {
		opts.typescript = &b
	}
	if s, ok := m["tsconfig"].(string); ok {
		opts.tsconfig = s
	}
	return opts
}

// runnerPath resolves @pulumi/pulumi's program runner from the program's directory, as Pulumi's
// host does, so the program runs with the SDK it installed.
func runnerPath(ctx context.Context, dir string) (string, error) {
	cmd := exec.CommandContext(ctx, "node", "-e",
		"process.stdout.write(require.resolve('@pulumi/pulumi/cmd/run'))")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf(
			"cannot find @pulumi/pulumi from %s: run `npm install` in the program's folder (%w)", dir, err)
	}
	return string(out), nil
}

func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	dir := req.GetPwd()
	program := req.GetProgram()
	if info := req.GetInfo(); info != nil {
		if info.ProgramDirectory != "" {
			dir = info.ProgramDirectory
		}
		if info.EntryPoint != "" {
			program = info.EntryPoint
		}
	}
	if program == "" {
		program = "."
	}
	runner, err := runnerPath(ctx, dir)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	opts := optionsOf(req.GetInfo())

	args := append([]string{}, opts.nodeArgs...)
	args = append(args, runner,
		"--monitor="+req.GetMonitorAddress(),
		"--engine="+h.engineAddress,
		"--project="+req.GetProject(),
		"--stack="+req.GetStack(),
		"--pwd="+dir,
	)
	if req.GetOrganization() != "" {
		args = append(args, "--organization="+req.GetOrganization())
	}
	if info := req.GetInfo(); info != nil && info.RootDirectory != "" {
		args = append(args, "--root-directory="+info.RootDirectory)
	}
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	if req.GetParallel() > 0 {
		args = append(args, fmt.Sprintf("--parallel=%d", req.GetParallel()))
	}
	args = append(args, program)
	args = append(args, req.GetArgs()...)

	// A stack without any config gets an empty object, as from Pulumi's own host: the SDK's config
	// reader fails on "null", the JSON of a nil map.
	configMap := req.GetConfig()
	if configMap == nil {
		configMap = map[string]string{}
	}
	config, err := json.Marshal(configMap)
	if err != nil {
		return nil, err
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretKeysJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, err
	}
	env := append(os.Environ(),
		"PULUMI_CONFIG="+string(config),
		"PULUMI_CONFIG_SECRET_KEYS="+string(secretKeysJSON),
	)
	if opts.typescript != nil {
		env = append(env, fmt.Sprintf("PULUMI_NODEJS_TYPESCRIPT=%t", *opts.typescript))
	}
	if opts.tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+opts.tsconfig)
	}

	cmd := exec.Command("node", args...)
	cmd.Dir = dir
	cmd.Env = env
	// The engine shows what the host prints, so the program's output reaches the user as with
	// Pulumi's own host.
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-ctx.Done():
		// The engine gave up on the run (cancellation): the program must not outlive it.
		_ = cmd.Process.Signal(syscall.SIGTERM)
		<-done
		return nil, ctx.Err()
	case err := <-done:
		var exit *exec.ExitError
		switch {
		case err == nil:
			return &pulumirpc.RunResponse{}, nil
		case errors.As(err, &exit) && exit.ExitCode() == exitAfterReportedError:
			return &pulumirpc.RunResponse{Bail: true}, nil
		case errors.As(err, &exit):
			return &pulumirpc.RunResponse{
				Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exit.ExitCode()),
			}, nil
		default:
			return &pulumirpc.RunResponse{Error: err.Error()}, nil
		}
	}
}

func main() {
	// The engine passes flags first and its own address last.
	engineAddress := ""
	for _, arg := range os.Args[1:] {
		if !strings.HasPrefix(arg, "-") {
			engineAddress = arg
		}
	}
	if engineAddress == "" {
		fmt.Fprintln(os.Stderr, "usage: pulumi-language-nodejs [flags] ENGINE_ADDRESS")
		os.Exit(2)
	}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, &host{engineAddress: engineAddress})
			return nil
		},
		Options: rpcutil.OpenTracingServerInterceptorOptions(nil),
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "could not start the language host: %v\n", err)
		os.Exit(1)
	}
	// The engine reads the port from the first line.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "language host stopped: %v\n", err)
		os.Exit(1)
	}
}
