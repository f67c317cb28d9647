// The calculator hosted by Mono's own WCF over netTcpBinding with security None, for wcf4j's client to call. Prints
// "ready" once open, then serves until its standard input closes; with a second argument "streamed", transferMode
// Streamed. Used by MonoInteropTest.
using System;
using System.ServiceModel;

[ServiceContract(Namespace = "http://Microsoft.ServiceModel.Samples")]
public interface ICalculator
{
    [OperationContract] double Add(double n1, double n2);
    [OperationContract] double Subtract(double n1, double n2);
    [OperationContract] double Multiply(double n1, double n2);
    [OperationContract] double Divide(double n1, double n2);
}

public class CalculatorService : ICalculator
{
    public double Add(double n1, double n2) { return n1 + n2; }
    public double Subtract(double n1, double n2) { return n1 - n2; }
    public double Multiply(double n1, double n2) { return n1 * n2; }
    public double Divide(double n1, double n2) { return n1 / n2; }
}

public static class NetTcpCalculatorService
{
    public static int Main(string[] args)
    {
        var host = new ServiceHost(typeof(CalculatorService));
        var binding = new NetTcpBinding(SecurityMode.None);
        if (args.Length > 1 && args[1] == "streamed")
        {
            binding.TransferMode = TransferMode.Streamed;
        }
        host.AddServiceEndpoint(typeof(ICalculator), binding, args[0]);
        host.Open();
        Console.WriteLine("ready");
        Console.Out.Flush();
        Console.In.ReadToEnd();
        host.Close();
        return 0;
    }
}
