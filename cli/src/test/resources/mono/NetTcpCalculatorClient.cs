// A client built on Mono's own WCF (System.ServiceModel, independent of Microsoft's), calling the calculator over
// netTcpBinding with security None: binary session encoding over .NET Message Framing (with a second argument
// "streamed": transferMode Streamed, sessionless binary in singleton-unsized envelopes). Used by MonoInteropTest.
using System;
using System.Globalization;
using System.ServiceModel;

[ServiceContract(Namespace = "http://Microsoft.ServiceModel.Samples")]
public interface ICalculator
{
    [OperationContract] double Add(double n1, double n2);
    [OperationContract] double Subtract(double n1, double n2);
    [OperationContract] double Multiply(double n1, double n2);
    [OperationContract] double Divide(double n1, double n2);
}

public static class NetTcpCalculatorClient
{
    public static int Main(string[] args)
    {
        var binding = new NetTcpBinding(SecurityMode.None);
        if (args.Length > 1 && args[1] == "streamed")
        {
            binding.TransferMode = TransferMode.Streamed;
        }
        var factory = new ChannelFactory<ICalculator>(binding, new EndpointAddress(args[0]));
        ICalculator calculator = factory.CreateChannel();
        Console.WriteLine("Add(100,15.99) = " + calculator.Add(100, 15.99).ToString(CultureInfo.InvariantCulture));
        Console.WriteLine("Divide(22,7) = " + calculator.Divide(22, 7).ToString(CultureInfo.InvariantCulture));
        ((IClientChannel) calculator).Close();
        factory.Close();
        return 0;
    }
}
